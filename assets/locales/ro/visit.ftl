# rounds — vizita la magazin (română)

key-start-visit = vizită
key-on-shelf = pe raft
key-not-on-shelf = lipsă
key-facings = fețe
key-price-seen = preț
key-next-step = pasul următor
key-prev-step = pasul anterior
key-add = adaugă
key-add-problem = problemă
key-pulled = retras
key-move-front = în față
key-markdown = reducere
key-make-return = la retur
key-write-off = scos din gestiune
key-close-return = închide
key-resolve = rezolvat
key-submit = trimite
key-amend = corectează
key-save = înainte/salvează
key-next-field = câmpul următor
key-prev-field = câmpul anterior
key-cancel = anulează
key-pick-1 = varianta 1
key-pick-2 = varianta 2
key-pick-3 = varianta 3
key-pick-4 = varianta 4
key-pick-5 = varianta 5
key-scan = tastați sau scanați un EAN

input-empty = introduceți o valoare
input-not-number = doar numere întregi
input-negative = nu poate fi negativ
input-too-large = cel mult { $max }
input-zero = trebuie să fie mai mare de 0
input-bad-price = nu este un preț: cifre cu virgulă sau punct, de ex. 12,50
input-bad-date = nu este o dată: 12.03, 2026-03-12 sau +5
input-impossible-date = această zi nu există
input-date-too-far = mai mult de zece ani
input-unknown-product = niciun produs al acestui magazin nu se potrivește

field-facings = Fețe
field-stock = Stoc numărat (raft și depozit; Enter sare)
field-price = Preț la raft
field-product = Produs (EAN sau nume)
field-expiry = Data expirării
field-qty = Cantitate
field-reason = Motiv
field-text = Text
field-due = Termen

form-line = Linie de raft
form-batch = Lot
form-return = Retur
form-note = Notă
form-problem = Problemă
form-hint = Enter înainte/salvează · Tab câmp · Esc anulează · scanarea merge în orice câmp

return-reason-expired = expirat
return-reason-damaged = deteriorat
return-reason-defective = defect
return-reason-slow_seller = nu se vinde
return-reason-recall = rechemare
return-reason-complaint = reclamație
return-status-logged = înregistrat
return-status-written_off = scos din gestiune
return-status-closed = închis

expiry-expired = expirat
expiry-critical = critic
expiry-near = aproape
expiry-ok = ok
batch-action-pulled = retras
batch-action-moved_to_front = mutat în față
batch-action-markdown_proposed = reducere propusă

missing-not_ordered = necomandat
missing-not_delivered = nelivrat
missing-in_backroom = în depozit
missing-delisted = scos din listă
reason-title = De ce lipsește?
reason-hint = 1-4 alegeți · Esc anulează

visit-title = Vizită · { $store } ({ $code }) · început { $time } · { $status }
visit-status-open = deschisă
visit-status-submitted = trimisă
visit-status-amending = corectare
visit-step-audit = Audit
visit-step-expiry = Expirări
visit-step-returns = Retururi
visit-step-notes = Note
visit-step-checkout = Final
visit-osa = OSA { $value } (produse rapide ×{ $weight })
visit-price-compliance = prețuri corecte { $value } (±{ $tolerance } %)
visit-lines-left = rămân { $count } din { $total }
visit-expiry-rules = critic: ≤ { $days } zi sau ≤ { $critical } % din termen · aproape: ≤ { $near } %
visit-returns-rule = retururile nescoase din gestiune în { $days } zile sunt marcate
visit-notes-hint = a notă · p problemă cu termen · r rezolvat
visit-scan = EAN
visit-not-a-barcode = { $code } nu este un cod de bare (8, 12 sau 13 cifre cu cifră de control corectă)
visit-unknown-ean = EAN { $ean } nu este în sortimentul obligatoriu al magazinului
visit-scanned = Scanat: { $name }
visit-read-only = Trimisă: doar citire. A corectează (originalul se păstrează).
visit-submitted-now = Vizita a fost trimisă.
visit-amending = Corectare: fiecare schimbare se înregistrează (cine, ce, când).
visit-saved-line = Salvat: { $name }
visit-saved-batch = Salvat: { $name } · { $class }
visit-saved-return = Retur salvat: { $name } · { $value }
visit-saved = Salvat.
visit-batch-returned = Acest lot este deja un retur.
visit-return-cannot = Nu se poate: returul este { $status }.
visit-resumed = Vizita neterminată continuă de unde a rămas.
visit-checked-in = Vizita a început.
visit-save-failed = NU s-a salvat: { $error }
visit-no-lines = Magazinul nu are sortiment obligatoriu.
visit-no-batches = Niciun lot: a adaugă unul, sau scanați un produs.
visit-no-returns = Niciun retur: a adaugă unul, sau scanați un produs.
visit-no-notes = Nicio notă sau problemă deschisă.
visit-note = Notă:
visit-problem = Problemă:
visit-pull-list = De retras ({ $count }):

visit-col-product = Produs
col-shelf = Raft
col-facings = Fț
col-stock = Stc
col-price-seen = Văzut
col-list-price = Listă
col-reason = Motiv
col-expiry = Expiră
visit-col-qty = Cant.
col-class = Clasă
col-action = Acțiune
col-value = Valoare
col-logged = Înregistrat

days-ago = { $days ->
    [one] { $days } zi
    [few] { $days } zile
   *[other] { $days } de zile
}
problem-resolved = rezolvată
problem-overdue = întârziată { $days ->
    [one] { $days } zi
    [few] { $days } zile
   *[other] { $days } de zile
}
problem-due = termen { $date }

confirm-submit-title = Trimiteți vizita?
confirm-submit = După trimitere vizita este doar în citire; corecturile devin amendamente.
confirm-amend-title = Corectați vizita trimisă?
confirm-amend = Fiecare schimbare se înregistrează ca amendament; originalul rămâne.
confirm-hint = y da · n nu

checkout-summary = Rezumat
checkout-audit = Audit: { $checked } din { $total ->
    [one] { $total } linie
    [few] { $total } linii
   *[other] { $total } de linii
} · OSA { $osa } · prețuri corecte { $price }
checkout-expiry = Expirări: { $expired } expirate, { $critical } critice, { $near } aproape · de retras { $pull }
checkout-returns = Retururi: { $count } · valoare { $value }
checkout-problems = Probleme deschise: { $count } · note: { $notes }
checkout-lines-left = { $count ->
    [one] { $count } linie neverificată
    [few] { $count } linii neverificate
   *[other] { $count } de linii neverificate
}
checkout-submitted-at = Trimisă la { $time }.
checkout-press-enter = Enter: trimite vizita
checkout-amendments = Amendamente

route-returns-flagged = ⚑{ $count }
card-open-problems = Probleme deschise
card-pending-returns = Retururi de scos din gestiune (marcate după { $days } zile)

input-date-in-past = termenul nu poate fi înainte de azi
batch-suggest-pull = → retrage
batch-suggest-near = → în față / reducere
checkout-pull-line = { $name } · { $date } · { $qty } buc. · { $class }
batch-returned = returnat
visit-return-write-off-first = Nu se poate închide: returul este { $status }. Mai întâi anulați-l cu w, apoi închideți-l cu x.
confirm-submit-unchecked = { $count ->
    [one] { $count } din { $total } linii de audit nu este verificată.
    [few] { $count } din { $total } linii de audit nu sunt verificate.
   *[other] { $count } din { $total } de linii de audit nu sunt verificate.
}
