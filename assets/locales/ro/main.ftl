# rounds — română

key-quit = ieșire
key-back = înapoi
key-up = selecție
key-down = jos
key-open = deschide
key-search = caută
key-help = ajutor
key-store-list = toate magazinele
key-next-rep = agentul următor
key-prev-rep = agentul anterior
key-yes = da
key-no = nu

weekday-mon = luni
weekday-tue = marți
weekday-wed = miercuri
weekday-thu = joi
weekday-fri = vineri
weekday-sat = sâmbătă
weekday-sun = duminică

never = niciodată

route-title = Traseul de azi · { $weekday } { $date } · { $rep }
route-empty = Niciun magazin pe traseul de azi.
route-overdue = întârziat { $days ->
    [one] { $days } zi
    [few] { $days } zile
   *[other] { $days } de zile
}
route-planned = planificat
route-stops = { $count ->
    [one] { $count } magazin
    [few] { $count } magazine
   *[other] { $count } de magazine
}
route-overdue-count = întârziate: { $count }

col-store = Magazin
col-city = Oraș
col-last-visit = Ultima vizită
col-status = Stare
col-code = Cod
col-rep = Agent

stores-title = Magazine ({ $count })
stores-search-hint = Apăsați / pentru a căuta după nume, oraș sau cod
stores-none = Niciun magazin găsit.

card-address = Adresă
card-decision-maker = Decident
card-phone = Telefon
card-rep = Agent
card-next-due = Următoarea vizită
card-terms = Termeni de plată
card-must-stock = Sortiment obligatoriu
card-recent-visits = Vizite recente

help-title = Taste
route-in-progress = în curs

key-page-up = pagina sus
key-page-down = pagina jos
key-top = primul
key-bottom = ultimul

route-no-rep = încă niciun agent

channel-visit = vizită
channel-phone = telefon
channel-email = e-mail
channel-messenger = messenger

card-on-schedule = conform planului
card-email = E-mail
card-channel = Canal preferat
card-frequency = Frecvența vizitelor
card-every-days = { $days ->
    [one] zilnic
    [few] la fiecare { $days } zile
   *[other] la fiecare { $days } de zile
}
card-weekdays = Planificat în
card-terms-value = { $days ->
    [one] { $days } zi
    [few] { $days } zile
   *[other] { $days } de zile
} termen de plată, limită { $limit }
card-top-sellers = Cele mai vândute, ultimele 8 săptămâni (bucăți)

visit-submitted = trimisă
visit-open = în curs

demo-offer-title = Bun venit în rounds
demo-offer-text = Încă nu există date. Încărcați setul demo (magazine, produse, agenți și un an de vânzări) pentru a încerca rounds?
demo-offer-yes = încarcă demo
demo-offer-no = începe gol
demo-declined = Pornit fără date. Importați datele sau rulați `rounds demo`.
demo-loaded = Demo încărcat: { $stores ->
    [one] { $stores } magazin
    [few] { $stores } magazine
   *[other] { $stores } de magazine
}.
demo-not-empty = directorul de date { $dir } conține deja date; `rounds demo --reset` le înlocuiește pe toate cu demo-ul
demo-summary = Demo încărcat în { $dir }: magazine { $stores }, produse { $products }, agenți { $reps }, vizite anterioare { $visits }.

error-unknown-rep = nu există agent cu codul { $rep }; vedeți `rounds export stores` pentru codurile agenților
error-unknown-store = nu există magazin cu codul { $code }
error-no-data-dir = nu se găsește un director de date pentru acest utilizator; folosiți --data-dir DIR
error-no-database = nu există o bază de date rounds în { $dir }; verificați --data-dir (sau ROUNDS_DATA_DIR) sau încărcați date cu `rounds demo` sau `rounds import`
