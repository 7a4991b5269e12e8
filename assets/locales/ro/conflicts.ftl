# Editări simultane: jurnalul conflictelor și ștergeri.

conflicts-none = Niciun conflict deschis.
conflicts-head = Conflicte deschise: { $count }. Valoarea rămasă și cea care a cedat
conflicts-line = { $id }  { $kind } { $code } · { $field }
conflicts-kept = rămas: { $value }  ({ $by }, { $device }, { $at })
conflicts-lost = cedat: { $value }  ({ $by }, { $device }, { $at })
conflicts-settled = Conflictul { $id } rezolvat: { $field } = { $value }.
conflicts-supervisor-only = Conflictele le rezolvă un supervizor; intrați cu --user NUME.
conflicts-choose = Spuneți ce rămâne: --keep kept, --keep lost sau --value TEXT.
conflicts-removed-field = șters
conflicts-title = Conflicte
conflicts-typing = Valoare nouă pentru { $field }: { $text }▏  (Enter salvează, Esc renunță)
conflicts-mark = ⚠ Editări în conflict la acest magazin: { $count }; le rezolvă un supervizor
removed-count = Șterse: { $count }.
removed-none = Nimic de șters: { $codes } nu există.
key-conflicts = conflicte
key-keep-value = păstrează
key-take-lost = ia cedata
key-type-value = scrie
