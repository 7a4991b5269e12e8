# Едновременни редакции: дневник на конфликтите и изтривания.

conflicts-none = Няма отворени конфликти.
conflicts-head = Отворени конфликти: { $count }. Останалата стойност и тази, която ѝ отстъпи
conflicts-line = { $id }  { $kind } { $code } · { $field }
conflicts-kept = остана: { $value }  ({ $by }, { $device }, { $at })
conflicts-lost = отстъпи: { $value }  ({ $by }, { $device }, { $at })
conflicts-settled = Конфликт { $id } е решен: { $field } = { $value }.
conflicts-supervisor-only = Конфликтите се решават от супервайзер; влезте с --user ИМЕ.
conflicts-choose = Кажете какво да остане: --keep kept, --keep lost или --value ТЕКСТ.
conflicts-removed-field = изтрит
conflicts-title = Конфликти
conflicts-typing = Нова стойност за { $field }: { $text }▏  (Enter запазва, Esc отказ)
conflicts-mark = ⚠ Конфликтни редакции за магазина: { $count }; решава ги супервайзер
removed-count = Изтрити: { $count }.
removed-none = Няма какво да се изтрие: { $codes } не са намерени.
key-conflicts = конфликти
key-keep-value = запази
key-take-lost = вземи отстъпилата
key-type-value = въведи
