# rounds — the store visit (English)

key-start-visit = visit
key-on-shelf = on shelf
key-not-on-shelf = missing
key-facings = facings
key-price-seen = price
key-next-step = next step
key-prev-step = previous step
key-add = add
key-add-problem = problem
key-pulled = pulled
key-move-front = moved to front
key-markdown = markdown
key-make-return = to return
key-write-off = written off
key-close-return = close
key-resolve = resolve
key-submit = submit
key-amend = amend
key-save = next/save
key-next-field = next field
key-prev-field = previous field
key-cancel = cancel
key-pick-1 = choice 1
key-pick-2 = choice 2
key-pick-3 = choice 3
key-pick-4 = choice 4
key-pick-5 = choice 5
key-scan = type or scan an EAN

input-empty = enter a value
input-not-number = whole numbers only
input-negative = cannot be negative
input-too-large = at most { $max }
input-zero = must be more than 0
input-bad-price = not a price: use digits with a comma or a dot, e.g. 12,50
input-bad-date = not a date: use 12.03, 2026-03-12 or +5
input-impossible-date = no such day
input-date-too-far = more than ten years away
input-date-in-past = the due date cannot be before today
input-unknown-product = no product of this store matches

field-facings = Facings
field-stock = Stock counted (shelf and backroom; Enter skips)
field-price = Price seen
field-product = Product (EAN or name)
field-expiry = Expiry date
field-qty = Quantity
field-reason = Reason
field-text = Text
field-due = Due date

form-line = Shelf line
form-batch = Expiry batch
form-return = Return
form-note = Note
form-problem = Problem
form-hint = Enter next/save · Tab field · Esc cancel · a scan works in any field

return-reason-expired = expired
return-reason-damaged = damaged
return-reason-defective = defective
return-reason-slow_seller = slow seller
return-reason-recall = recall
return-reason-complaint = complaint
return-status-logged = logged
return-status-written_off = written off
return-status-closed = closed

expiry-expired = expired
expiry-critical = critical
expiry-near = near
expiry-ok = ok
batch-suggest-pull = → pull
batch-suggest-near = → front / markdown
checkout-pull-line = { $name } · { $date } · { $qty } pcs · { $class }
batch-returned = returned
batch-action-pulled = pulled
batch-action-moved_to_front = moved to front
batch-action-markdown_proposed = markdown proposed

missing-not_ordered = not ordered
missing-not_delivered = not delivered
missing-in_backroom = in backroom
missing-delisted = delisted
reason-title = Why is it missing?
reason-hint = 1-4 choose · Esc cancel

visit-title = Visit · { $store } ({ $code }) · checked in { $time } · { $status }
visit-status-open = open
visit-status-submitted = submitted
visit-status-amending = amending
visit-step-audit = Audit
visit-step-expiry = Expiry
visit-step-returns = Returns
visit-step-notes = Notes
visit-step-checkout = Check-out
visit-osa = OSA { $value } (fast movers ×{ $weight })
visit-price-compliance = prices ok { $value } (±{ $tolerance } %)
visit-lines-left = { $count } of { $total } left
visit-expiry-rules = critical: ≤ { $days } day or ≤ { $critical } % of shelf life left · near: ≤ { $near } %
visit-returns-rule = returns not written off within { $days } days are flagged
visit-notes-hint = a note · p problem with a due date · r resolve
visit-scan = EAN
visit-not-a-barcode = { $code } is not a barcode (8, 12 or 13 digits with a valid check digit)
visit-unknown-ean = EAN { $ean } is not on this store's must-stock list
visit-scanned = Scanned: { $name }
visit-read-only = Submitted: read-only. A amends (the original is kept).
visit-submitted-now = Visit submitted.
visit-amending = Amending: each change is recorded with who, what and when.
visit-saved-line = Saved: { $name }
visit-saved-batch = Saved: { $name } · { $class }
visit-saved-return = Return saved: { $name } · { $value }
visit-saved = Saved.
visit-batch-returned = This batch is already a return.
visit-return-write-off-first = Cannot close: the return is { $status }. Write it off first with w.
visit-return-cannot = Cannot: the return is { $status }.
visit-resumed = Unfinished visit resumed where it was left.
visit-checked-in = Checked in.
visit-save-failed = NOT saved: { $error }
visit-no-lines = This store has no must-stock lines.
visit-no-batches = No batches yet: a to log one, or scan a product.
visit-no-returns = No returns: a to log one, or scan a product.
visit-no-notes = No notes or open problems.
visit-note = Note:
visit-problem = Problem:
visit-pull-list = Pull list ({ $count }):

visit-col-product = Product
col-shelf = Shelf
col-facings = Fc
col-stock = Stk
col-price-seen = Seen
col-list-price = List
col-reason = Reason
col-expiry = Expiry
visit-col-qty = Qty
col-class = Class
col-action = Action
col-value = Value
col-logged = Logged

days-ago = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
problem-resolved = resolved
problem-overdue = overdue { $days ->
    [one] { $days } day
   *[other] { $days } days
}
problem-due = due { $date }

confirm-submit-unchecked = { $count ->
    [one] { $count } of { $total } audit lines is unchecked.
   *[other] { $count } of { $total } audit lines are unchecked.
}
confirm-submit-title = Submit the visit?
confirm-submit = After submitting, the visit is read-only; corrections become amendments.
confirm-amend-title = Amend the submitted visit?
confirm-amend = Every change will be recorded as an amendment; the original stays.
confirm-hint = y yes · n no

checkout-summary = Summary
checkout-audit = Audit: { $checked } of { $total } lines · OSA { $osa } · prices ok { $price }
checkout-expiry = Expiry: { $expired } expired, { $critical } critical, { $near } near · { $pull } to pull
checkout-returns = Returns: { $count } · value { $value }
checkout-problems = Open problems: { $count } · notes: { $notes }
checkout-lines-left = { $count ->
    [one] { $count } line not checked
   *[other] { $count } lines not checked
}
checkout-submitted-at = Submitted at { $time }.
checkout-press-enter = Enter: submit the visit
checkout-amendments = Amendments

route-returns-flagged = ⚑{ $count }
card-open-problems = Open problems
card-pending-returns = Returns to write off (flagged after { $days } days)
