# Одновременные правки: журнал конфликтов и удаления.

conflicts-none = Открытых конфликтов нет.
conflicts-head = Открытых конфликтов: { $count }. Оставшееся значение и то, что ему уступило
conflicts-line = { $id }  { $kind } { $code } · { $field }
conflicts-kept = осталось: { $value }  ({ $by }, { $device }, { $at })
conflicts-lost = уступило: { $value }  ({ $by }, { $device }, { $at })
conflicts-settled = Конфликт { $id } решён: { $field } = { $value }.
conflicts-supervisor-only = Конфликты решает супервайзер; войдите с --user ИМЯ.
conflicts-choose = Укажите, что оставить: --keep kept, --keep lost или --value ТЕКСТ.
conflicts-removed-field = удалён
conflicts-title = Конфликты
conflicts-typing = Новое значение { $field }: { $text }▏  (Enter сохранить, Esc отмена)
conflicts-mark = ⚠ Конфликтующих правок по магазину: { $count }; их решит супервайзер
removed-count = Удалено: { $count }.
removed-none = Нечего удалять: { $codes } не найдены.
key-conflicts = конфликты
key-keep-value = оставить
key-take-lost = взять уступившее
key-type-value = ввести
