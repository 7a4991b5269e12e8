# Order drafting, review, deliveries (issue 4)

method-mean = short history
method-sba = intermittent
method-ses = steady
method-trend = trending

reason-sells = sells {$rate} a week ({$how}), covers {$days} days
reason-seen = {$units} on the shelf
reason-seen-empty = shelf empty
reason-out-of-stock = out of stock: one case of {$pack}
reason-capped = capped at last accepted ({$why})
reason-noted-refusal = refused last time: {$why}
reason-case = case of {$pack}
reason-promo = promotion {$code} bonus
reason-promo-topped = topped up to promotion {$code} step

refusal-overstock = overstock
refusal-no-shelf-space = no shelf space
refusal-price = price
refusal-slow-seller = slow seller
refusal-other = other

order-state-draft = draft
order-state-reviewed = reviewed
order-state-sent = sent

order-title = Order {$number} · {$store} · {$state}
order-cover = Cover {$days} days (next visit {$next} + lead {$lead})
col-product = Product
col-sales = Weekly sales
col-suggested = Sugg.
col-qty = Qty
col-bonus = Bonus
col-value = Value
order-totals = {$lines ->
    [one] {$lines} line
   *[other] {$lines} lines
}, {$units} units, {$value}
order-reason = Why: {$text}
order-added-by-rep = added by the rep
order-terms = Terms: {$days} days, limit {$limit} · open {$open} ({$count}) · overdue {$overdue} ({$overdue_count})
order-terms-none = Terms: payment on delivery · open {$open} ({$count}) · overdue {$overdue} ({$overdue_count})
order-over-limit = ⚠ open invoices plus this order pass the limit {$limit}
order-acceptance = Accepted unchanged: {$share} over {$orders} reviewed · {$run} in a row
order-acceptance-none = No reviewed orders yet
order-trusted = trusted store
order-can-trust = can be marked trusted (t)
order-fill = Fill rate {$rate} ({$delivered}/{$ordered} lines delivered)
order-fill-chase = Fill rate {$rate} ({$delivered}/{$ordered} lines) — chase it
order-fill-waiting = Sent {$date}, no delivery yet
order-edit-qty = Quantity for {$product}: {$text}▏ (Enter to set, Esc to cancel)
order-qty-empty = Type a quantity in units, e.g. 12 (Esc to cancel)
order-qty-not-whole = "{$text}" is not a whole number of units: type e.g. 12
order-qty-negative = {$text} is negative: type 0 to strike the line
order-qty-too-large = Too many: at most {$max} units ({$cases} cases of {$pack})
order-qty-breaks-case = {$qty} is not whole cases of {$pack}: {$cases} cases + {$rest}
order-add-title = Add a product: name or EAN
order-add-none = No product matches {$query}
order-refusal-title = Why did the decision maker lower {$product}?
order-confirm-send = Send order {$number}: {$lines} lines, {$units} units, {$value}? (y/n)
order-saved = Saved
order-reviewed-as-is = Reviewed: accepted as is
order-reviewed-edited = Reviewed: edited ({$share} unchanged)
order-sent = Order {$number} sent
order-marked-trusted = {$store} marked trusted
order-not-draft = Only a draft can be changed; this order is {$state}
order-not-reviewed = Mark the order reviewed (v) before sending it
order-empty = The order has no units: add a line before sending
order-no-lines = This store has no must-stock lines: add products with a
order-refusal-recorded = Refusal recorded: {$why}

key-order = order
key-edit-qty = quantity
key-more = +case
key-less = −case
key-strike = strike
key-add-line = add
key-refusal = why
key-reviewed = reviewed
key-send = send
key-trust = trust
key-confirm = confirm
key-new-order = new order

cli-order-no-store = No store {$code}: see `rounds export stores` for the codes

route-orders-chase = ⚠ { $count ->
    [one] { $count } order to chase
   *[other] { $count } orders to chase
}
card-orders-chase = Orders to chase (fill rate below the setting)
card-order-fill = { $number }: { $percent } % ({ $delivered }/{ $ordered } lines)
method-tsb = sells now and then
method-no_sales = no sales
reason-no-sales-weeks = no sales in {$weeks} weeks: check the shelf
reason-no-sales-days = no sales in {$days} days: check the shelf
reason-case-minimum = needs {$needs}, case of {$pack}
# a failed save: the stored order is shown again
order-save-failed = Order NOT saved: { $error }
