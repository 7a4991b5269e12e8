# rounds — română: import și export CSV, pachete de sincronizare

import-problem = rândul { $line }: coloana { $column }: { $what }
import-refused = { $count ->
    [one] fișierul are { $count } rând greșit; nu s-a importat nimic:
    [few] fișierul are { $count } rânduri greșite; nu s-a importat nimic:
   *[other] fișierul are { $count } de rânduri greșite; nu s-a importat nimic:
}
import-empty = gol, este necesară o valoare
import-bad-date = nu este o dată: "{ $value }" (folosiți AAAA-LL-ZZ sau ZZ.LL.AAAA)
import-bad-number = nu este un număr: "{ $value }"
import-negative = negativ: "{ $value }" (trebuie să fie 0 sau mai mult)
import-not-whole = nu este un număr întreg: "{ $value }"
import-missing-column = lipsește o coloană obligatorie (verificați rândul de antet)
import-no-header = fișierul este gol (fără rând de antet)
import-cannot-read = nu se poate citi { $path }: { $reason }
import-bad-csv = fișierul nu poate fi citit ca CSV: { $reason }
import-unknown-store = cod de magazin necunoscut "{ $code }" (importați mai întâi magazinele)
import-unknown-product = cod de produs necunoscut "{ $code }" (importați mai întâi produsele)
import-unknown-order = comandă necunoscută "{ $code }"
import-bad-channel = canal necunoscut "{ $value }" (folosiți visit, phone, email sau messenger)
import-zero-case-pack = bax de 0 bucăți (trebuie să fie 1 sau mai mult)
import-due-before-date = scadența este înainte de data facturii
import-to-before-from = promoția se încheie înainte de a începe
import-done = { $kind }: rânduri citite { $rows }; noi { $created }, modificate { $changed }, neschimbate { $unchanged }
import-progress = { $rows } rânduri, { $rate } rânduri/s
import-summary = { $kind }: { $rows } rânduri în { $seconds } s ({ $rate } rânduri/s)
import-dry-run = rulare de probă: nu s-a scris nimic
import-reps-created = { $count ->
    [one] { $count } agent nou creat (fără PIN)
    [few] { $count } agenți noi creați (fără PIN)
   *[other] { $count } de agenți noi creați (fără PIN)
}
import-bad-encoding = codificare necunoscută "{ $name }" (folosiți utf-8 sau windows-1251)
import-bad-delimiter = separator necunoscut "{ $name }" (folosiți ; , sau tab)

sync-exported = { $count ->
    [one] { $count } înregistrare scrisă în { $file }
    [few] { $count } înregistrări scrise în { $file }
   *[other] { $count } de înregistrări scrise în { $file }
} (modificările { $from }–{ $to }, destinație { $dest })
sync-nothing-new = nimic nou pentru { $dest } de la ultimul export; un pachet gol a fost scris în { $file }
sync-imported = { $file }: înregistrări { $records } de pe dispozitivul { $device }; aplicate { $applied }, deja actualizate { $kept }
sync-refused = { $file } a fost refuzat: { $reason }
sync-truncated = pachetul este incomplet (copiați-l din nou)
sync-damaged = pachetul este deteriorat: suma de control nu corespunde (copiați-l din nou)
sync-not-bundle = nu este un pachet de sincronizare rounds
sync-newer-format = pachetul are formatul { $found }, mai nou decât înțelege această versiune rounds ({ $supported }); instalați o versiune mai nouă de rounds
sync-schema-mismatch = pachetul a fost scris de un rounds cu schema bazei de date { $found }, acesta are { $ours }; folosiți aceeași versiune rounds pe ambele dispozitive
sync-forbidden-tree = pachetul încearcă să scrie "{ $tree }", care nu este un tip de înregistrare; refuzat
sync-bad-record = înregistrarea { $number } din pachet ({ $tree } { $key }) { $reason }; pachetul a fost refuzat și nu s-a aplicat nimic
sync-record-undecodable = nu se citește ca înregistrare { $tree } din schema bazei { $schema } ({ $detail })
sync-record-wrong-key = este scrisă sub cheia altei înregistrări (după conținut, cheia ei este { $expected })
sync-record-future = poartă ora { $at }, cu mai mult de o zi înaintea ceasului acestui calculator ({ $now }); verificați data și ora calculatorului care a trimis-o
sync-not-a-folder = { $dir } nu este un dosar (creați-l sau verificați calea)
sync-watch-start = se urmărește { $dir } pentru pachete (Ctrl-C pentru oprire)
sync-watch-done = { $file }: importat, mutat în done/
sync-watch-failed = { $file }: eșuat, mutat în failed/: { $reason }
outbox = de trimis: { $count ->
    [one] { $shown } înregistrare neexportată
    [few] { $shown } înregistrări neexportate
   *[other] { $shown } de înregistrări neexportate
}
import-zero-shelf-life = termen de valabilitate de 0 zile (trebuie să fie 1 sau mai mult)
import-zero-buy-qty = cantitate de cumpărat 0 (trebuie să fie 1 sau mai mult)
import-ean-used = deja folosit de { $sku } (o scanare trebuie să găsească un singur produs)
import-duplicate = același cod ca pe rândul { $line } (păstrați unul dintre cele două rânduri)
import-too-large = prea mare: "{ $value }" (cel mult { $max })
import-control-character = un caracter de control într-un cod: "{ $value }"
import-zero-frequency = o vizită la fiecare 0 zile (trebuie să fie 1 sau mai mult)
import-duplicate-column = coloana apare de două ori, ca coloanele { $first } și { $second } (păstrați una)
import-more-errors = { $count ->
    [one] … și încă { $shown } eroare
    [few] … și încă { $shown } erori
   *[other] … și încă { $shown } de erori
}
import-thousands-separator = .
import-lat-without-lon = lat și lon merg împreună: amândouă sau niciuna
import-opens-closes = opens și closes merg împreună (HH:MM), sau coloana hours
import-bad-audience = "{ $value }" nu este o audiență; scrieți all, loyal, trusted sau loyal_or_trusted
import-bad-country = "{ $value }" nu este o țară ale cărei sărbători le știe rounds (RU, BG, RO, GB)
