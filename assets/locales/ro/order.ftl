# Comenzi: întocmire, verificare, livrări (română)

method-mean = istoric scurt
method-sba = vânzări intermitente
method-ses = vânzări constante
method-trend = cu tendință

reason-sells = se vinde {$rate} pe săptămână ({$how}), acoperă {$days ->
    [one] {$days} zi
    [few] {$days} zile
   *[other] {$days} de zile
}
reason-seen = {$units} pe raft
reason-seen-empty = raft gol
reason-out-of-stock = stoc epuizat: un bax de {$pack}
reason-capped = limitat la ultima cantitate acceptată ({$why})
reason-noted-refusal = refuzat data trecută: {$why}
reason-case = bax de {$pack}
reason-promo = bonus promoția {$code}
reason-promo-topped = completat până la pragul promoției {$code}

refusal-overstock = stoc prea mare
refusal-no-shelf-space = fără spațiu la raft
refusal-price = preț
refusal-slow-seller = se vinde greu
refusal-other = altul

order-state-draft = ciornă
order-state-reviewed = verificată
order-state-sent = trimisă

order-title = Comanda {$number} · {$store} · {$state}
order-cover = Acoperire {$days ->
    [one] {$days} zi
    [few] {$days} zile
   *[other] {$days} de zile
} (următoarea vizită {$next} + livrare {$lead})
col-product = Produs
col-sales = Vânz./săpt.
col-suggested = Sug.
col-qty = Cant.
col-bonus = Bonus
order-totals = {$lines ->
    [one] {$lines} linie
    [few] {$lines} linii
   *[other] {$lines} de linii
}, {$units} buc., {$value}
order-reason = Motiv: {$text}
order-added-by-rep = adăugat de agent
order-terms = Condiții: {$days ->
    [one] {$days} zi
    [few] {$days} zile
   *[other] {$days} de zile
}, limită {$limit} · neachitat {$open} ({$count}) · restant {$overdue} ({$overdue_count})
order-terms-none = Condiții: plata la livrare · neachitat {$open} ({$count}) · restant {$overdue} ({$overdue_count})
order-over-limit = ⚠ facturile neachitate plus această comandă depășesc limita {$limit}
order-acceptance = Acceptate neschimbate: {$share} din {$orders} verificate · {$run} la rând
order-acceptance-none = Încă nu există comenzi verificate
order-trusted = magazin de încredere
order-can-trust = poate fi marcat de încredere (t)
order-fill = Grad de livrare {$rate} ({$delivered}/{$ordered} linii livrate)
order-fill-chase = Grad de livrare {$rate} ({$delivered}/{$ordered} linii) — urmăriți
order-fill-waiting = Trimisă pe {$date}, încă nelivrată
order-edit-qty = Cantitate pentru {$product}: {$text}▏ (Enter — salvează, Esc — anulează)
order-bad-qty = {$text} nu este o cantitate: introduceți bucăți întregi, de ex. 12
order-add-title = Adăugați un produs: nume sau EAN
order-add-none = Niciun produs nu corespunde cu {$query}
order-refusal-title = De ce a redus decidentul {$product}?
order-confirm-send = Trimiteți comanda {$number}: {$lines ->
    [one] {$lines} linie
    [few] {$lines} linii
   *[other] {$lines} de linii
}, {$units} buc., {$value}? (y/n)
order-saved = Salvat
order-reviewed-as-is = Verificată: acceptată ca atare
order-reviewed-edited = Verificată: modificată ({$share} neschimbat)
order-sent = Comanda {$number} a fost trimisă
order-marked-trusted = {$store} marcat de încredere
order-not-draft = Doar o ciornă poate fi modificată; această comandă este {$state}
order-not-reviewed = Marcați comanda ca verificată (v) înainte de a o trimite
order-empty = Comanda nu are bucăți: adăugați o linie înainte de trimitere
order-no-lines = Acest magazin nu are sortiment obligatoriu: adăugați produse cu a
order-refusal-recorded = Refuz înregistrat: {$why}

key-order = comandă
key-edit-qty = cantitate
key-more = +bax
key-less = −bax
key-strike = taie
key-add-line = adaugă
key-refusal = motiv
key-reviewed = verificată
key-send = trimite
key-trust = încredere
key-confirm = confirmă
key-new-order = comandă nouă

cli-order-no-store = Nu există magazinul {$code}: vedeți `rounds export stores` pentru coduri

route-orders-chase = ⚠ { $count ->
    [one] { $count } comandă de urmărit
    [few] { $count } comenzi de urmărit
   *[other] { $count } de comenzi de urmărit
}
card-orders-chase = Comenzi de urmărit (grad de livrare sub pragul setat)
card-order-fill = { $number }: { $percent } % ({ $delivered }/{ $ordered } linii)

order-qty-empty = Introduceți o cantitate în bucăți, de ex. 12 (Esc pentru anulare)
order-qty-not-whole = „{$text}” nu este un număr întreg de bucăți: introduceți de ex. 12
order-qty-negative = {$text} este negativ: introduceți 0 pentru a tăia linia
order-qty-too-large = Prea mult: cel mult {$max} buc. ({$cases} baxuri de {$pack})
order-qty-breaks-case = {$qty} nu este un număr întreg de baxuri de {$pack}: {$cases} baxuri + {$rest}
method-tsb = se vinde din când în când
method-no_sales = fără vânzări
reason-no-sales-weeks = nicio vânzare în {$weeks} săptămâni: verificați raftul
reason-no-sales-days = nicio vânzare în {$days} zile: verificați raftul
reason-case-minimum = necesar {$needs}, bax de {$pack}
# a failed save: the stored order is shown again
order-save-failed = Comanda NU s-a salvat: { $error }
