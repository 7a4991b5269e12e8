//! The changes a visit screen asks storage to make, as plain data, and the
//! short description of each record that amendments and exports show.

use super::{AuditLine, Batch, Note, Problem, ReturnLine, VisitStep};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ulid::Ulid;

/// Where the rep was in the visit, so that it resumes exactly there.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct VisitCursor {
    pub step: VisitStep,
    /// The sku selected in the audit.
    pub audit_sku: Option<String>,
    /// Selected rows of the other steps.
    pub expiry_row: usize,
    pub returns_row: usize,
    pub notes_row: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VisitWrite {
    Audit(AuditLine),
    Batch(Batch),
    Return(ReturnLine),
    Problem(Problem),
    Note(Note),
    Submit { at: DateTime<Utc> },
    Cursor(VisitCursor),
}

impl VisitWrite {
    /// The visit the change belongs to (`None` for the cursor and submit,
    /// which are about the visit being worked on).
    pub fn record_visit(&self) -> Option<Ulid> {
        match self {
            Self::Audit(a) => Some(a.visit_id),
            Self::Batch(b) => Some(b.visit_id),
            Self::Return(r) => Some(r.visit_id),
            Self::Problem(p) => Some(p.visit_id),
            Self::Note(n) => Some(n.visit_id),
            Self::Submit { .. } | Self::Cursor(_) => None,
        }
    }

    /// What an amendment calls the changed line.
    pub fn target(&self) -> String {
        match self {
            Self::Audit(a) => format!("audit {}", a.sku),
            Self::Batch(b) => format!("batch {} {}", b.sku, b.meta.id),
            Self::Return(r) => format!("return {} {}", r.sku, r.meta.id),
            Self::Problem(p) => format!("problem {}", p.meta.id),
            Self::Note(n) => format!("note {}", n.meta.id),
            Self::Submit { .. } => "submit".into(),
            Self::Cursor(_) => "cursor".into(),
        }
    }

    /// A short, language-neutral description of the new value.
    pub fn describe(&self) -> String {
        match self {
            Self::Audit(a) => describe_audit(a),
            Self::Batch(b) => describe_batch(b),
            Self::Return(r) => describe_return(r),
            Self::Problem(p) => format!("{} due {} {}", p.text, p.due, p.status.key()),
            Self::Note(n) => n.text.clone(),
            Self::Submit { at } => at.to_rfc3339(),
            Self::Cursor(c) => c.step.key().into(),
        }
    }
}

pub fn describe_audit(a: &AuditLine) -> String {
    let mut s = if a.on_shelf {
        "on shelf".to_string()
    } else {
        "missing".to_string()
    };
    if let Some(f) = a.facings {
        s.push_str(&format!(", {f} facings"));
    }
    if let Some(n) = a.stock {
        s.push_str(&format!(", {n} counted"));
    }
    if let Some(p) = a.price_seen {
        s.push_str(&format!(", price {p}"));
    }
    if let Some(r) = a.missing {
        s.push_str(&format!(", {}", r.key()));
    }
    s
}

pub fn describe_batch(b: &Batch) -> String {
    let action = b
        .action
        .map(|a| format!(", {}", a.key()))
        .unwrap_or_default();
    format!("{} × {} exp {}{action}", b.sku, b.qty, b.expiry)
}

pub fn describe_return(r: &ReturnLine) -> String {
    format!(
        "{} × {} {} {} {}",
        r.sku,
        r.qty,
        r.value,
        r.reason.key(),
        r.status.key()
    )
}
