# Utilizatori, autentificare, verificarea jurnalului, revizuire de către supervizor, panou și chioșc (română).

key-dashboard = panou
key-review = revizuire vizite
key-comment = comentariu
key-mark-reviewed = marchează revizuit
key-period-longer = perioadă
key-period-back = mai devreme
key-period-forward = mai târziu
key-filter-status = stare
key-filter-rep = agent
key-logout = blochează
key-end-kiosk = închide chioșcul

login-refused = Utilizator sau PIN greșit.
login-wait = Prea multe PIN-uri greșite: încercați din nou la { $until }.
login-locked = Acest utilizator este blocat după zece PIN-uri greșite până la { $until } sau până îl deblochează un supervizor (`rounds user unlock NAME`).
error-supervisors-only = Doar un supervizor poate face asta; autentificați-vă ca supervizor cu --user NAME.
error-own-visits-only = Un agent vede doar propriile vizite.

user-pin-prompt = PIN nou pentru { $name } (4-8 cifre):{" "}
user-pin-again = Același PIN din nou:{" "}
user-pin-format = Un PIN are între 4 și 8 cifre; nu s-a salvat nimic.
user-pin-mismatch = Cele două PIN-uri diferă; nu s-a salvat nimic.
user-bad-name = Numele de utilizator nu poate fi gol și nu poate conține caractere de control.
user-exists = Există deja utilizatorul { $name }; `rounds user passwd { $name }` schimbă PIN-ul.
user-rep-needs-code = Un agent are nevoie de un cod de agent: --rep CODE (de ex. --rep R01).
user-added = Utilizatorul { $name } a fost adăugat ({ $role }).
user-pin-changed = PIN-ul lui { $name } a fost schimbat.
user-removed = Utilizatorul { $name } a fost șters.
user-unknown = Nu există utilizatorul { $name }; `rounds user list` afișează utilizatorii.
user-unlocked = { $name } a fost deblocat.
user-locked = blocat

check-audit-ok = Jurnal de audit: { $count ->
    [one] 1 intrare, lanțul este intact.
    [few] { $count } intrări, lanțul este intact.
   *[other] { $count } de intrări, lanțul este intact.
}
check-audit-broken = Jurnalul de audit este întrerupt la intrarea { $seq }: { $reason }.
check-kpis-off = Indicatorii echipei nu corespund vizitelor; `rounds check --repair` îi recalculează.
check-kpis-repaired = Indicatorii echipei au fost recalculați din vizite.
check-ok = Baza de date este în regulă.
check-failed = { $count ->
    [one] S-a găsit 1 problemă
    [few] S-au găsit { $count } probleme
   *[other] S-au găsit { $count } de probleme
}; vedeți mai sus.

kpi-bad-period = Perioada se încheie ({ $to }) înainte de a începe ({ $from }).
kpi-team = Echipa
kpi-who = Agent
kpi-visits = Efect.
kpi-compliance = Conform.
kpi-overdue = Întârz.
kpi-osa = OSA
kpi-price = Preț
kpi-expired = Exp.
kpi-returns = Retur
kpi-fill = Livr.
kpi-awaiting = ⧗ livrare în așteptare: { $lines } linii de comandă (nu intră în gradul de livrare)
kpi-draft = Ciornă
kpi-per-day = Vizite pe zi
dashboard-title = Panoul echipei · { $from } – { $to } ({ $days ->
    [one] { $days } zi
    [few] { $days } zile
   *[other] { $days } de zile
})

review-title = Revizuire · { $count ->
    [one] 1 vizită
    [few] { $count } vizite
   *[other] { $count } de vizite
}
review-visit-title = Vizită · { $store }
review-visit = Vizită
review-all = toate
review-rep = Agent
review-date = Data
review-period = Perioada
review-comments = Com.
review-last-days = { $days ->
    [one] ultima zi
    [few] ultimele { $days } zile
   *[other] ultimele { $days } de zile
}
review-empty = Nicio vizită nu corespunde filtrelor.
review-status-open = deschisă
review-status-submitted = trimisă
review-status-amended = modificată
review-status-reviewed = revizuită
review-checked-in = sosire
review-submitted-at = trimisă
review-amendments = Modificări
review-reviews = Revizuire
review-not-yet = Încă nerevizuită.
review-nothing = —
review-comments-title = Comentarii
review-reviewed-by = revizuită de { $by } la { $at }
review-comment-prompt = Comentariu (Enter salvează, Esc anulează)
review-comment-saved = Comentariu salvat.
review-confirm = Marcați această vizită ca revizuită? y / n
review-marked = Marcată ca revizuită.
review-bad-id = { $id } nu este un ID de vizită; `rounds review list` afișează ID-urile.

kiosk-bar-locked = rounds · chioșc de birou · blocat
kiosk-bar-user = rounds · { $user }
kiosk-locked-title = Blocat: utilizator și PIN
kiosk-end-title = Închiderea chioșcului: PIN-ul unui supervizor
kiosk-end-prompt = Numele și PIN-ul unui supervizor închid chioșcul.
kiosk-end-supervisor-only = Doar un supervizor poate închide chioșcul.
kiosk-locked-message = Blocat. Introduceți numele și PIN-ul.
kiosk-user = Utilizator
kiosk-pin = PIN
kiosk-needs-supervisor = Chioșcul necesită cel puțin un supervizor (doar PIN-ul unui supervizor îl închide): `rounds user add NAME --role supervisor`.
review-part-audit = Audit la raft
review-part-expiry = Verificarea termenului de valabilitate
review-part-returns = Retururi
review-part-notes = Note
dashboard-title-own = Cifrele mele · { $from } – { $to } ({ $days ->
    [one] { $days } zi
    [few] { $days } zile
   *[other] { $days } de zile
})
