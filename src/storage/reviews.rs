//! Supervisor reviews and comments, keyed by visit id then their own id, so
//! one prefix scan gives a visit's whole review history.

use super::{Database, Result, StorageError, keys};
use crate::domain::auth::Viewer;
use crate::domain::journal::JournalEvent;
use crate::domain::review::{VisitComment, VisitReview};
use crate::domain::{RecordMeta, Visit};
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use ulid::Ulid;

const REVIEWS: &str = "reviews";
const COMMENTS: &str = "comments";

pub(super) fn key(visit: Ulid, id: Ulid) -> Vec<u8> {
    keys::join(&[&visit.to_bytes(), &id.to_bytes()])
}

fn prefix(visit: Ulid) -> Vec<u8> {
    let mut p = visit.to_bytes().to_vec();
    p.push(0);
    p
}

fn forbidden(what: &str) -> StorageError {
    StorageError::Invalid(what.to_string())
}

impl Database {
    /// A visit as `viewer` may see it: a rep only their own.
    pub fn visit_for(&self, viewer: &Viewer, id: Ulid) -> Result<Visit> {
        let visit = self
            .visit(id)?
            .ok_or_else(|| StorageError::Invalid(format!("there is no visit {id}")))?;
        if !viewer.can_see_rep(&visit.rep) {
            tracing::warn!(user = viewer.actor(), visit = %id, "refused another rep's visit");
            return Err(forbidden(
                "this visit belongs to another rep; a rep sees only their own visits",
            ));
        }
        Ok(visit)
    }

    pub fn reviews_of(&self, visit: Ulid) -> Result<Vec<VisitReview>> {
        self.scan(REVIEWS, "review", &prefix(visit))
    }

    pub fn comments_of(&self, visit: Ulid) -> Result<Vec<VisitComment>> {
        self.scan(COMMENTS, "comment", &prefix(visit))
    }

    /// The last review of every reviewed visit (for the review list).
    pub fn last_reviews(&self) -> Result<HashMap<Ulid, DateTime<Utc>>> {
        let mut out: HashMap<Ulid, DateTime<Utc>> = HashMap::new();
        for r in self.scan::<VisitReview>(REVIEWS, "review", b"")? {
            let e = out.entry(r.visit).or_insert(r.at);
            *e = (*e).max(r.at);
        }
        Ok(out)
    }

    /// Marks a visit reviewed (supervisors only), audited.
    pub fn mark_reviewed(
        &self,
        viewer: &Viewer,
        visit: Ulid,
        at: DateTime<Utc>,
    ) -> Result<VisitReview> {
        self.atomically(|| {
            if !viewer.can_review() {
                return Err(forbidden(
                    "only a supervisor can mark a visit reviewed; log in with --user NAME",
                ));
            }
            let seen = self.visit_for(viewer, visit)?;
            if seen.status != crate::domain::VisitStatus::Submitted {
                return Err(StorageError::Invalid(
                    "this visit is still open: it can be reviewed once the rep submits it".into(),
                ));
            }
            let review = VisitReview {
                meta: RecordMeta::fresh(viewer.actor(), self.device(), at),
                visit,
                by: viewer.actor().to_string(),
                at,
            };
            self.put_all(REVIEWS, "review", [(key(visit, review.meta.id), &review)])?;
            self.append_journal(viewer.actor(), JournalEvent::VisitReviewed { visit }, at)?;
            Ok(review)
        })
    }

    /// Adds a supervisor's comment to a visit, audited.
    pub fn add_comment(
        &self,
        viewer: &Viewer,
        visit: Ulid,
        text: &str,
        at: DateTime<Utc>,
    ) -> Result<VisitComment> {
        self.atomically(|| {
            if !viewer.can_review() {
                return Err(forbidden(
                    "only a supervisor can comment on a visit; log in with --user NAME",
                ));
            }
            let text = text.trim();
            if text.is_empty() {
                return Err(forbidden("the comment is empty; type some text"));
            }
            self.visit_for(viewer, visit)?;
            let comment = VisitComment {
                meta: RecordMeta::fresh(viewer.actor(), self.device(), at),
                visit,
                by: viewer.actor().to_string(),
                at,
                text: text.to_string(),
            };
            self.put_all(
                COMMENTS,
                "comment",
                [(key(visit, comment.meta.id), &comment)],
            )?;
            self.append_journal(
                viewer.actor(),
                JournalEvent::VisitCommented {
                    visit,
                    comment: comment.meta.id,
                },
                at,
            )?;
            Ok(comment)
        })
    }
}

/// A visit as the review list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewItem {
    pub visit: Visit,
    pub status: crate::domain::review::ReviewStatus,
    pub comments: usize,
}

impl Database {
    /// When each amended visit was last amended.
    pub fn last_amendments(&self) -> Result<HashMap<Ulid, DateTime<Utc>>> {
        let mut out: HashMap<Ulid, DateTime<Utc>> = HashMap::new();
        for a in self.scan::<crate::domain::visit::Amendment>(
            super::visit_lines::AMENDMENTS,
            "amendment",
            b"",
        )? {
            let e = out.entry(a.visit_id).or_insert(a.meta.created.at);
            *e = (*e).max(a.meta.created.at);
        }
        Ok(out)
    }

    /// The visits `viewer` may see that match `filter`, newest first.
    pub fn review_list(
        &self,
        viewer: &Viewer,
        filter: &crate::domain::review::ReviewFilter,
    ) -> Result<Vec<ReviewItem>> {
        use crate::domain::review::ReviewStatus;
        let reviewed = self.last_reviews()?;
        let amended = self.last_amendments()?;
        let mut comments: HashMap<Ulid, usize> = HashMap::new();
        for c in self.scan::<VisitComment>(COMMENTS, "comment", b"")? {
            *comments.entry(c.visit).or_default() += 1;
        }
        let mut out: Vec<ReviewItem> = self
            .all_visits()?
            .into_iter()
            .filter(|v| viewer.can_see_rep(&v.rep))
            .filter_map(|v| {
                let id = v.meta.id;
                let status =
                    ReviewStatus::of(&v, amended.get(&id).copied(), reviewed.get(&id).copied());
                filter.matches(&v, status).then(|| ReviewItem {
                    comments: comments.get(&id).copied().unwrap_or(0),
                    visit: v,
                    status,
                })
            })
            .collect();
        out.sort_by(|a, b| {
            b.visit
                .date
                .cmp(&a.visit.date)
                .then_with(|| b.visit.meta.id.cmp(&a.visit.meta.id))
        });
        Ok(out)
    }
}

impl Database {
    /// Loads a review history in bulk (the demo); not audited, as nobody made it here.
    pub fn put_review_history(
        &self,
        reviews: &[VisitReview],
        comments: &[VisitComment],
    ) -> Result<()> {
        self.atomically(|| {
            self.put_all(
                REVIEWS,
                "review",
                reviews.iter().map(|r| (key(r.visit, r.meta.id), r)),
            )?;
            self.put_all(
                COMMENTS,
                "comment",
                comments.iter().map(|c| (key(c.visit, c.meta.id), c)),
            )
        })
    }
}
