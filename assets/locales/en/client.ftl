# The client file, the contact plan and the risk words.
key-pick-6 = choice 6
key-pick-7 = choice 7
key-client-file = client file
key-contact-plan = today's contacts
key-log-entry = log
key-add-person = add person
key-edit-person = edit person
key-remove-person = remove person
key-switch-pane = people/timeline
key-cycle-filter = filter
key-mark-done = done
key-snooze = tomorrow
choice-no = no
choice-yes = yes

client-title = { $name } · { $code } · client file
client-people = People ({ $count })
client-no-people = nobody yet: a adds a person
client-dates = Dates to remember
client-no-dates = none in the coming days
client-timeline = Timeline · { $filter } ({ $count }) · f filters
client-nothing-yet = nothing yet: l logs an entry
client-filter-all = all
client-filter-visits = visits
client-filter-orders = orders
client-filter-returns = returns
client-filter-complaints = complaints
client-filter-refusals = refusals
client-filter-problems = problems
client-filter-contacts = contacts
client-filter-competitors = competitors
client-filter-referrals = referrals
client-at-risk = ⚠ at risk ({ $risk }): { $why }
client-risk = risk { $risk }: { $why }
client-last-purchase = last purchase: { $date }
client-purchases = Purchases per week, last { $weeks } weeks (one cell a week): bought in { $bought }
client-log-what = Log what?
client-log-why = Why?
client-log-channel = How?
client-log-topic = About what?
client-log-outcome = Outcome?
client-log-title = Log an entry (Enter saves)
client-kind-complaint = complaint
client-kind-refusal = refusal to buy
client-kind-problem = problem
client-kind-contact = contact made
client-kind-competitor = competitor
client-kind-referral = referral
why-product-did-not-fit = the product did not fit
why-disliked-staff = did not like the staff
why-pushy-selling = pushy selling
why-quality = quality
why-delivery = delivery
why-price = price
why-other = other
topic-offer = offer
topic-news = news
topic-event = event
topic-greeting = greeting
topic-problem = problem
topic-other = other
outcome-done = done
outcome-follow-up = follow up
outcome-declined = declined
outcome-sent = e-mail written
outcome-queued = on the call list
outcome-no-answer = no answer
client-field-text = Text
client-field-due = Due by
client-field-competitor = Competitor
client-field-referred = Store referred
client-field-how = How
client-field-name = Name
client-field-role = Role
client-field-decision-maker = Decision maker
client-field-phone = Phone
client-field-email = E-mail
client-field-messenger = Messenger
client-field-birthday = Birthday
client-field-preferred = Preferred channel
client-person-add = Add a person (Enter saves)
client-person-edit = Edit a person (Enter saves)
client-resolve-title = Resolve the problem (Enter saves)
client-error-required = required
client-error-due-past = the due date is in the past
client-error-other-needs-text = say what "other" is
client-resolve-which = select an open problem logged here to resolve it
client-person-saved = Saved { $name }.
client-person-removed = Person removed.
client-logged = Logged.
client-resolved = Problem resolved.
client-remove-title = Remove
client-remove-ask = Remove { $name }? y/n
client-problem-due = problem · due { $date }
client-problem-resolved = problem · resolved { $date } ({ $how })
client-row-visit = visit
client-row-order = order { $number } · { $state } · { $lines } lines, { $struck } struck
client-row-return = return: { $name } × { $qty } · { $reason }
client-resolved-on = resolved { $date }
client-due-on = due { $date }
contact-error-name-required = a name is required
contact-error-name-too-long = the name is too long
contact-error-phone-chars = a phone has digits, spaces, ( ) - . and a leading +
contact-error-phone-plus = + only at the start
contact-error-phone-too-short = too few digits for a phone
contact-error-phone-too-long = too many digits for a phone
contact-error-email-no-at = an e-mail has an @
contact-error-email-spaces = an e-mail has no spaces
contact-error-email-local = nothing before the @
contact-error-email-domain = the part after the @ is not a domain
contact-error-messenger-too-long = the handle is too long
contact-error-date-format = write a date as 2026-03-08, 08.03.2026 or 08.03
contact-error-date-invalid = no such date
contact-error-date-future = that date is in the future
contact-error-date-too-old = that year is too far back
contact-error-channel-unreachable = nothing to reach the person by on that channel
date-birthday = { $name }'s birthday
date-birthday-age = { $name }'s birthday ({ $age })
date-anniversary = { $years ->
    [one] { $years } year with us
   *[other] { $years } years with us
}
plan-title = Today's contacts · { $date } ({ $count })
plan-empty = Nothing to do today: every greeting, call and problem is done.
plan-today = today
plan-greet = greet: { $what }, { $when }
plan-call-due = call: last contact { $days ->
        [one] { $days } day
       *[other] { $days } days
    } ago, every { $every }
plan-call-never = call: never reached
plan-problem-late = problem late since { $date }: { $text }
plan-problem-due = problem due { $date }: { $text }
plan-at-risk = at risk: { $why }
plan-no-person = no person in the file
plan-done-logged = Logged in { $store }'s client file.
plan-snoozed = { $store }: until tomorrow.
risk-no-purchase-yet = no purchase yet
risk-single-purchase = one purchase, { $days ->
        [one] { $days } day
       *[other] { $days } days
    } ago
risk-overdue = no order for { $days ->
        [one] { $days } day
       *[other] { $days } days
    }; usually every { $usual } days
risk-on-rhythm = last order { $days ->
        [0] today
        [one] { $days } day ago
       *[other] { $days } days ago
    }; usually every { $usual } days
risk-volume-down = buying { $percent } % less over the last { $weeks } weeks
holiday-new_year = New Year
holiday-baba_marta = Baba Marta
holiday-liberation_day = Liberation Day
holiday-womens_day = International Women's Day
holiday-good_friday = Good Friday
holiday-orthodox_easter = Easter
holiday-easter_monday = Easter Monday
holiday-labour_day = Labour Day
holiday-st_george_day = St George's Day
holiday-culture_day = Day of Bulgarian Education and Culture and Slavonic Literature
holiday-unification_day = Unification Day
holiday-independence_day = Independence Day
holiday-christmas_eve = Christmas Eve
holiday-christmas = Christmas
holiday-christmas_2 = Christmas (second day)
holiday-mothering_sunday = Mothering Sunday
holiday-western_easter = Easter
holiday-early_may = Early May bank holiday
holiday-spring_bank = Spring bank holiday
holiday-summer_bank = Summer bank holiday
holiday-boxing_day = Boxing Day
holiday-new_year_2 = New Year (second day)
holiday-epiphany = Epiphany
holiday-st_john = St John the Baptist
holiday-union_day = Union of the Romanian Principalities
holiday-martisor = Mărțișor
holiday-childrens_day = Children's Day
holiday-pentecost = Pentecost
holiday-pentecost_monday = Whit Monday
holiday-assumption = Assumption of Mary
holiday-st_andrew = St Andrew's Day
holiday-national_day = National Day
holiday-orthodox_christmas = Orthodox Christmas
holiday-defender_day = Defender of the Fatherland Day
holiday-victory_day = Victory Day
holiday-russia_day = Russia Day
holiday-unity_day = Unity Day
loyalty-index = Loyalty { $index }/100
loyalty-head = loyalty { $index }/100
loyalty-head-weak = loyalty { $index }/100 · weakest: { $weak }
loyalty-part-purchase = buying rhythm
loyalty-part-visits = visits on time
loyalty-part-repeat = must-stock bought
loyalty-part-acceptance = drafts taken
loyalty-part-payment = pays on time
loyalty-part-referrals = referrals
loyalty-part-complaints = few complaints
loyalty-part-refusals = few refusals
loyalty-why-no-data = nothing to judge yet
loyalty-why-visits = { $on_time } of { $total } visits on time
loyalty-why-repeat = { $repeated } of { $total } must-stock lines bought
loyalty-why-drafts = { $percent } % of draft lines taken, { $reviewed } drafts
loyalty-why-payment = { $overdue } of { $total } invoices overdue
loyalty-why-referrals = { $count ->
    [one] one referral
   *[other] { $count } referrals
}
loyalty-why-complaints = { $count ->
    [one] one complaint
   *[other] { $count } complaints
}
loyalty-why-refusals = { $count ->
    [one] one refusal
   *[other] { $count } refusals
}
route-at-risk = ↘ at risk
review-at-risk = ↘
card-loyalty = Loyalty
card-loyalty-value = { $index }/100 · c client file
kpi-retention = Stores as of { $date }
kpi-buying = Buying
kpi-at-risk = At risk
kpi-lost = Lost
kpi-kept = Kept
bulletin-valid = Valid from { $from } to { $to }.
bulletin-promo = Promotion code: { $code }
bulletin-dir-not-empty = the folder is not empty; give a new one
bulletin-bad-sender = { $sender } is not a sender; use "Name <address@example.com>"
bulletin-bad-topic = { $topic } is not a bulletin topic; use offer, news or event
bulletin-dry-run = { $count } recipients; nothing written (--dry-run)
bulletin-no-recipients = No store is in that segment; nothing written.
bulletin-no-output = Give a folder for the files with -o DIR.
bulletin-written = Bulletin for { $count } stores written to { $dir }: { $emails ->
        [one] one e-mail
       *[other] { $emails } e-mails
    } (eml/), { $calls } to call or message (calls.csv), all in recipients.csv. Each store's client file logs it.
dates-none = No company dates yet: rounds dates add TITLE --on 06-15
dates-no-title = a date needs a title
dates-bad-country = { $country } is not a country whose holidays rounds knows (RU, BG, RO, GB)
dates-unknown = no company date { $id }; `rounds dates` lists them
bulletin-no-title = the title is empty
bulletin-no-text = the text is empty
bulletin-ends-before = the bulletin ends ({ $to }) before it starts ({ $from })
bulletin-bad-segment = unknown segment "{ $segment }": all, loyal, trusted, at-risk, city:NAME, rep:CODE or channel:visit|phone|email|messenger
bulletin-unknown-promo = no promotion { $code } (rounds export promotions lists them)
dates-duplicate = "{ $title }" on that day is already a company date
