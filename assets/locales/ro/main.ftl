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
