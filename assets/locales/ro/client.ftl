# Dosarul clientului, planul de contacte și cuvintele riscului.
key-pick-6 = alegerea 6
key-pick-7 = alegerea 7
key-client-file = dosar client
key-contact-plan = contactele de azi
key-log-entry = notează
key-add-person = adaugă persoană
key-edit-person = modifică
key-remove-person = elimină
key-switch-pane = persoane/istoric
key-cycle-filter = filtru
key-mark-done = gata
key-snooze = mâine
choice-no = nu
choice-yes = da

client-title = { $name } · { $code } · dosarul clientului
client-people = Persoane ({ $count })
client-no-people = nimeni încă: a adaugă o persoană
client-dates = Date de reținut
client-no-dates = niciuna în zilele următoare
client-timeline = Istoric · { $filter } ({ $count }) · f filtrează
client-nothing-yet = nimic încă: l notează
client-filter-all = tot
client-filter-visits = vizite
client-filter-orders = comenzi
client-filter-returns = retururi
client-filter-complaints = reclamații
client-filter-refusals = refuzuri
client-filter-problems = probleme
client-filter-contacts = contacte
client-filter-competitors = concurenți
client-filter-referrals = recomandări
client-at-risk = ⚠ în risc ({ $risk }): { $why }
client-risk = risc { $risk }: { $why }
client-last-purchase = ultima cumpărare: { $date }
client-purchases = Cumpărări pe săptămână, ultimele { $weeks } săpt. (o celulă = o săptămână): a cumpărat în { $bought }
client-log-what = Ce notez?
client-log-why = De ce?
client-log-channel = Cum?
client-log-topic = Despre ce?
client-log-outcome = Rezultat?
client-log-title = Notează (Enter salvează)
client-kind-complaint = reclamație
client-kind-refusal = refuz de cumpărare
client-kind-problem = problemă
client-kind-contact = contact
client-kind-competitor = concurent
client-kind-referral = recomandare
why-product-did-not-fit = produsul nu s-a potrivit
why-disliked-staff = nu le-a plăcut personalul
why-pushy-selling = vânzare insistentă
why-quality = calitate
why-delivery = livrare
why-price = preț
why-other = altceva
topic-offer = ofertă
topic-news = noutăți
topic-event = eveniment
topic-greeting = felicitare
topic-problem = problemă
topic-other = altceva
outcome-done = gata
outcome-follow-up = revin
outcome-declined = refuzat
outcome-sent = e-mail pregătit
outcome-queued = pe lista de apeluri
outcome-no-answer = fără răspuns
client-field-text = Text
client-field-due = Termen
client-field-competitor = Concurent
client-field-referred = Magazin recomandat
client-field-how = Cum
client-field-name = Nume
client-field-role = Funcție
client-field-decision-maker = Decide
client-field-phone = Telefon
client-field-email = E-mail
client-field-messenger = Messenger
client-field-birthday = Zi de naștere
client-field-preferred = Canal preferat
client-person-add = Persoană nouă (Enter salvează)
client-person-edit = Modifică (Enter salvează)
client-resolve-title = Rezolvă problema (Enter salvează)
client-error-required = obligatoriu
client-error-due-past = termenul a trecut
client-error-other-needs-text = scrieți ce anume
client-resolve-which = alegeți o problemă deschisă din acest dosar
client-person-saved = Salvat: { $name }.
client-person-removed = Eliminat.
client-logged = Notat.
client-resolved = Problemă rezolvată.
client-remove-title = Elimină
client-remove-ask = Elimin pe { $name }? y/n
client-problem-due = problemă · termen { $date }
client-problem-resolved = problemă · rezolvată { $date } ({ $how })
client-row-visit = vizită
client-row-order = comanda { $number } · { $state } · rânduri: { $lines }, tăiate: { $struck }
client-row-return = retur: { $name } × { $qty } · { $reason }
client-resolved-on = rezolvată { $date }
client-due-on = termen { $date }
contact-error-name-required = numele este obligatoriu
contact-error-name-too-long = numele este prea lung
contact-error-phone-chars = telefonul are cifre, spații, ( ) - . și + la început
contact-error-phone-plus = + doar la început
contact-error-phone-too-short = prea puține cifre
contact-error-phone-too-long = prea multe cifre
contact-error-email-no-at = un e-mail are @
contact-error-email-spaces = un e-mail nu are spații
contact-error-email-local = nimic înainte de @
contact-error-email-domain = după @ trebuie un domeniu
contact-error-messenger-too-long = numele este prea lung
contact-error-date-format = data ca 2026-03-08, 08.03.2026 sau 08.03
contact-error-date-invalid = data nu există
contact-error-date-future = data este în viitor
contact-error-date-too-old = anul este prea vechi
contact-error-channel-unreachable = persoana nu poate fi găsită pe acest canal
date-birthday = ziua lui/ei { $name }
date-birthday-age = ziua lui/ei { $name } ({ $age })
date-anniversary = { $years ->
    [one] { $years } an cu noi
    [few] { $years } ani cu noi
   *[other] { $years } de ani cu noi
}
plan-title = Contactele de azi · { $date } ({ $count })
plan-empty = Nimic azi: felicitările, apelurile și problemele sunt gata.
plan-today = azi
plan-greet = felicită: { $what }, { $when }
plan-call-due = sună: ultimul contact acum { $days ->
        [one] { $days } zi
        [few] { $days } zile
       *[other] { $days } de zile
    }, la fiecare { $every }
plan-call-never = sună: niciodată contactat
plan-problem-late = problemă întârziată din { $date }: { $text }
plan-problem-due = problemă cu termen { $date }: { $text }
plan-at-risk = în risc: { $why }
plan-no-person = nicio persoană în dosar
plan-done-logged = Notat în dosarul { $store }.
plan-snoozed = { $store }: până mâine.
risk-no-purchase-yet = nicio cumpărare încă
risk-single-purchase = o cumpărare, acum { $days ->
        [one] { $days } zi
        [few] { $days } zile
       *[other] { $days } de zile
    }
risk-overdue = nicio comandă de { $days ->
        [one] { $days } zi
        [few] { $days } zile
       *[other] { $days } de zile
    }; de obicei la { $usual } zile
risk-on-rhythm = ultima comandă { $days ->
        [0] azi
        [one] acum { $days } zi
        [few] acum { $days } zile
       *[other] acum { $days } de zile
    }; de obicei la { $usual } zile
risk-volume-down = cumpără cu { $percent } % mai puțin în ultimele { $weeks } săpt.
holiday-new_year = Anul Nou
holiday-baba_marta = Baba Marta
holiday-liberation_day = Ziua Eliberării Bulgariei
holiday-womens_day = Ziua Internațională a Femeii
holiday-good_friday = Vinerea Mare
holiday-orthodox_easter = Paștele
holiday-easter_monday = A doua zi de Paști
holiday-labour_day = Ziua Muncii
holiday-st_george_day = Sfântul Gheorghe
holiday-culture_day = Ziua culturii bulgare și a scrierii slavone
holiday-unification_day = Ziua Unificării Bulgariei
holiday-independence_day = Ziua Independenței Bulgariei
holiday-christmas_eve = Ajunul Crăciunului
holiday-christmas = Crăciunul
holiday-christmas_2 = A doua zi de Crăciun
holiday-mothering_sunday = Ziua Mamei (Regatul Unit)
holiday-western_easter = Paștele (occidental)
holiday-early_may = Zi liberă bancară de mai
holiday-spring_bank = Zi liberă bancară de primăvară
holiday-summer_bank = Zi liberă bancară de vară
holiday-boxing_day = Boxing Day
holiday-new_year_2 = A doua zi de Anul Nou
holiday-epiphany = Boboteaza
holiday-st_john = Sfântul Ioan Botezătorul
holiday-union_day = Ziua Unirii Principatelor Române
holiday-martisor = Mărțișor
holiday-childrens_day = Ziua Copilului
holiday-pentecost = Rusaliile
holiday-pentecost_monday = A doua zi de Rusalii
holiday-assumption = Adormirea Maicii Domnului
holiday-st_andrew = Sfântul Andrei
holiday-national_day = Ziua Națională a României
holiday-orthodox_christmas = Crăciunul ortodox
holiday-defender_day = Ziua Apărătorului Patriei
holiday-victory_day = Ziua Victoriei
holiday-russia_day = Ziua Rusiei
holiday-unity_day = Ziua Unității Naționale
loyalty-index = Loialitate { $index }/100
loyalty-head = loialitate { $index }/100
loyalty-head-weak = loialitate { $index }/100 · cel mai slab: { $weak }
loyalty-part-purchase = ritmul achizițiilor
loyalty-part-visits = vizite la timp
loyalty-part-repeat = cumpără obligatoriile
loyalty-part-acceptance = acceptă comenzile
loyalty-part-payment = plătește la timp
loyalty-part-referrals = recomandări
loyalty-part-complaints = puține reclamații
loyalty-part-refusals = puține refuzuri
loyalty-why-no-data = încă nimic de judecat
loyalty-why-visits = { $on_time } din { $total } vizite la timp
loyalty-why-repeat = cumpărate { $repeated } din { $total } articole obligatorii
loyalty-why-drafts = acceptate { $percent } % din rânduri, comenzi: { $reviewed }
loyalty-why-payment = { $overdue } din { $total } facturi restante
loyalty-why-referrals = recomandări: { $count }
loyalty-why-complaints = reclamații: { $count }
loyalty-why-refusals = refuzuri: { $count }
route-at-risk = ↘ risc
review-at-risk = ↘
card-loyalty = Loialitate
card-loyalty-value = { $index }/100 · c dosar
kpi-retention = Magazine la { $date }
kpi-buying = Cumpără
kpi-at-risk = În risc
kpi-lost = Pierd.
kpi-kept = Păstr.
bulletin-valid = Valabil de la { $from } până la { $to }.
bulletin-promo = Cod promoțional: { $code }
bulletin-dir-not-empty = dosarul nu este gol; dați unul nou
bulletin-bad-sender = { $sender } nu este un expeditor; scrieți "Nume <adresa@example.com>"
bulletin-bad-topic = { $topic } nu este o temă de buletin; offer, news sau event
bulletin-dry-run = { $count } destinatari; nimic scris (--dry-run)
bulletin-no-recipients = Niciun magazin în acest segment; nimic scris.
bulletin-no-output = Dați un dosar pentru fișiere cu -o DOSAR.
bulletin-written = Buletin pentru { $count } magazine scris în { $dir }: { $emails } e-mailuri (eml/), { $calls } de sunat sau de scris (calls.csv), toate în recipients.csv. Dosarul fiecărui magazin îl înregistrează.
dates-none = Nicio dată a companiei încă: rounds dates add TITLU --on 06-15
dates-no-title = o dată are nevoie de un titlu
dates-bad-country = { $country } nu este o țară ale cărei sărbători le știe rounds (RU, BG, RO, GB)
dates-unknown = nicio dată a companiei { $id }; lista: `rounds dates`
bulletin-no-title = titlul lipsește
bulletin-no-text = textul lipsește
bulletin-ends-before = buletinul se termină ({ $to }) înainte să înceapă ({ $from })
bulletin-bad-segment = segment necunoscut "{ $segment }": all, loyal, trusted, at-risk, city:ORAȘ, rep:COD sau channel:visit|phone|email|messenger
bulletin-unknown-promo = nu există promoția { $code } (lista: rounds export promotions)
dates-duplicate = "{ $title }" în acea zi este deja o dată a companiei
