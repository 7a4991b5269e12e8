# Users, login, audit check, supervisor review, dashboard and the kiosk.

key-dashboard = dashboard
key-review = review visits
key-comment = comment
key-mark-reviewed = mark reviewed
key-period-longer = period
key-period-back = earlier
key-period-forward = later
key-filter-status = status
key-filter-rep = rep
key-logout = lock
key-end-kiosk = end kiosk

login-refused = Wrong user or PIN.
login-wait = Too many wrong PINs: try again at { $until }.
login-locked = This user is locked after ten wrong PINs until { $until }, or until a supervisor unlocks it (`rounds user unlock NAME`).
error-supervisors-only = Only a supervisor can do this; log in as a supervisor with --user NAME.
error-own-visits-only = A rep sees only their own visits.

user-pin-prompt = New PIN for { $name } (4-8 digits):{" "}
user-pin-again = The same PIN again:{" "}
user-pin-format = A PIN is 4 to 8 digits; nothing was saved.
user-pin-mismatch = The two PINs differ; nothing was saved.
user-bad-name = A user name cannot be empty or hold control characters.
user-exists = There is already a user { $name }; `rounds user passwd { $name }` changes the PIN.
user-rep-needs-code = A rep needs a rep code: --rep CODE (e.g. --rep R01).
user-added = User { $name } added ({ $role }).
user-pin-changed = The PIN of { $name } is changed.
user-removed = User { $name } removed.
user-unknown = There is no user { $name }; `rounds user list` shows the users.
user-unlocked = { $name } is unlocked.
user-locked = locked

check-audit-ok = Audit trail: { $count ->
    [one] 1 entry, the chain is intact.
   *[other] { $count } entries, the chain is intact.
}
check-audit-broken = Audit trail broken at entry { $seq }: { $reason }.
check-kpis-off = The team KPI figures disagree with the visits; `rounds check --repair` recounts them.
check-kpis-repaired = The team KPI figures were recounted from the visits.
check-ok = The database is in order.
check-failed = { $count ->
    [one] 1 problem found
   *[other] { $count } problems found
}; see above.

kpi-bad-period = The period ends ({ $to }) before it starts ({ $from }).
kpi-team = Team
kpi-who = Rep
kpi-visits = Done
kpi-compliance = Compliance
kpi-overdue = Ovd
kpi-osa = OSA
kpi-price = Price
kpi-expired = Exp
kpi-returns = Ret
kpi-fill = Fill
kpi-awaiting = ⧗ awaiting delivery: { $lines } order lines not due yet (not in the fill rate)
kpi-draft = Draft
kpi-per-day = Visits per day
dashboard-title = Team dashboard · { $from } – { $to } ({ $days } days)

review-title = Review · { $count ->
    [one] 1 visit
   *[other] { $count } visits
}
review-visit-title = Visit · { $store }
review-visit = Visit
review-all = all
review-rep = Rep
review-date = Date
review-period = Period
review-comments = Cmt
review-last-days = last { $days } days
review-empty = No visits match the filters.
review-status-open = open
review-status-submitted = submitted
review-status-amended = amended
review-status-reviewed = reviewed
review-checked-in = checked in
review-submitted-at = submitted
review-amendments = Amendments
review-reviews = Review
review-not-yet = Not reviewed yet.
review-nothing = —
review-comments-title = Comments
review-reviewed-by = reviewed by { $by } on { $at }
review-comment-prompt = Comment (Enter saves, Esc cancels)
review-comment-saved = Comment saved.
review-confirm = Mark this visit reviewed? y / n
review-marked = Marked reviewed.
review-bad-id = { $id } is not a visit id; `rounds review list` shows the ids.

kiosk-bar-locked = rounds · office kiosk · locked
kiosk-bar-user = rounds · { $user }
kiosk-locked-title = Locked: user and PIN
kiosk-end-title = End the kiosk: a supervisor's PIN
kiosk-end-prompt = A supervisor's name and PIN end the kiosk.
kiosk-end-supervisor-only = Only a supervisor can end the kiosk.
kiosk-locked-message = Locked. Type your name and PIN.
kiosk-user = User
kiosk-pin = PIN
kiosk-needs-supervisor = The kiosk needs at least one supervisor (only a supervisor's PIN ends it): `rounds user add NAME --role supervisor`.
review-part-audit = Shelf audit
review-part-expiry = Expiry check
review-part-returns = Returns
review-part-notes = Notes
dashboard-title-own = My figures · { $from } – { $to } ({ $days } days)
