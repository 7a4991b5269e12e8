# rounds — English

key-quit = quit
key-back = back
key-up = move
key-down = down
key-page-up = page up
key-page-down = page down
key-top = first
key-bottom = last
key-open = open
key-search = search
key-help = help
key-store-list = all stores
key-next-rep = next rep
key-prev-rep = previous rep
key-yes = yes
key-no = no

weekday-mon = Monday
weekday-tue = Tuesday
weekday-wed = Wednesday
weekday-thu = Thursday
weekday-fri = Friday
weekday-sat = Saturday
weekday-sun = Sunday

never = never

route-title = Today's route · { $weekday } { $date } · { $rep }
route-no-rep = no rep yet
route-empty = No stores on today's route.
route-overdue = overdue { $days ->
    [one] { $days } day
   *[other] { $days } days
}
route-planned = planned
route-stops = { $count ->
    [one] { $count } store
   *[other] { $count } stores
}
route-overdue-count = { $count } overdue

col-store = Store
col-city = City
col-last-visit = Last visit
col-status = Status
col-code = Code
col-rep = Rep

stores-title = Stores ({ $count })
stores-search-hint = Press / to search by name, city or code
stores-none = No store matches.

channel-visit = visit
channel-phone = phone
channel-email = e-mail
channel-messenger = messenger

card-on-schedule = on schedule
card-address = Address
card-decision-maker = Decision maker
card-phone = Phone
card-email = E-mail
card-channel = Preferred channel
card-rep = Rep
card-frequency = Visit frequency
card-every-days = every { $days ->
    [one] day
   *[other] { $days } days
}
card-weekdays = Planned on
card-next-due = Next visit due
card-terms = Payment terms
card-terms-value = { $days } days deferred, limit { $limit }
card-must-stock = Must-stock lines
card-recent-visits = Recent visits
card-top-sellers = Best sellers, last 8 weeks (units)

visit-submitted = submitted
visit-open = in progress

help-title = Keys

demo-offer-title = Welcome to rounds
demo-offer-text = There is no data here yet. Load the demo dataset (stores, products, reps and a year of sales) to try rounds?
demo-offer-yes = load the demo
demo-offer-no = start empty
demo-declined = Started empty. Import your data or run `rounds demo`.
demo-loaded = Demo loaded: { $stores } stores.
demo-not-empty = the data directory { $dir } already has data; `rounds demo --reset` replaces all of it with the demo
demo-summary = Demo loaded into { $dir }: { $stores } stores, { $products } products, { $reps } reps, { $visits } past visits.

error-unknown-rep = no rep with code { $rep }; see `rounds export stores` for the reps' codes
error-unknown-store = no store with code { $code }
error-no-data-dir = cannot find a data directory for this user; pass --data-dir DIR
error-no-database = there is no rounds database in { $dir }; check --data-dir (or ROUNDS_DATA_DIR), or load data with `rounds demo` or `rounds import`
