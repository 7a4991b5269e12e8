# rounds — визит в магазин (русский)

key-start-visit = визит
key-on-shelf = на полке
key-not-on-shelf = нет
key-facings = фейсинги
key-price-seen = цена
key-next-step = следующий шаг
key-prev-step = предыдущий шаг
key-add = добавить
key-add-problem = проблема
key-pulled = снято
key-move-front = вперёд
key-markdown = уценка
key-make-return = в возврат
key-write-off = списано
key-close-return = закрыть
key-resolve = решено
key-submit = отправить
key-amend = исправить
key-save = далее/сохранить
key-next-field = след. поле
key-prev-field = пред. поле
key-cancel = отмена
key-pick-1 = вариант 1
key-pick-2 = вариант 2
key-pick-3 = вариант 3
key-pick-4 = вариант 4
key-pick-5 = вариант 5
key-scan = введите или сканируйте EAN

input-empty = введите значение
input-not-number = только целые числа
input-negative = не может быть отрицательным
input-too-large = не больше { $max }
input-zero = должно быть больше 0
input-bad-price = это не цена: цифры с запятой или точкой, например 12,50
input-bad-date = это не дата: 12.03, 2026-03-12 или +5
input-impossible-date = такого дня нет
input-date-too-far = дальше десяти лет
input-date-in-past = срок не может быть раньше сегодняшнего дня
input-unknown-product = нет такого товара в этом магазине

field-facings = Фейсинги
field-stock = Остаток (полка и склад; Enter — пропустить)
field-price = Цена на полке
field-product = Товар (EAN или название)
field-expiry = Срок годности
field-qty = Количество
field-reason = Причина
field-text = Текст
field-due = Срок

form-line = Строка полки
form-batch = Партия
form-return = Возврат
form-note = Заметка
form-problem = Проблема
form-hint = Enter далее/сохранить · Tab поле · Esc отмена · скан работает в любом поле

return-reason-expired = просрочка
return-reason-damaged = повреждён
return-reason-defective = брак
return-reason-slow_seller = не продаётся
return-reason-recall = отзыв
return-reason-complaint = жалоба
return-status-logged = записан
return-status-written_off = списан
return-status-closed = закрыт

expiry-expired = просрочен
expiry-critical = критично
expiry-near = скоро
expiry-ok = норма
batch-suggest-pull = → снять
batch-suggest-near = → вперёд / уценка
checkout-pull-line = { $name } · { $date } · { $qty } шт. · { $class }
batch-returned = в возврате
batch-action-pulled = снято
batch-action-moved_to_front = выставлено вперёд
batch-action-markdown_proposed = предложена уценка

missing-not_ordered = не заказан
missing-not_delivered = не доставлен
missing-in_backroom = на складе
missing-delisted = выведен
reason-title = Почему нет на полке?
reason-hint = 1-4 выбрать · Esc отмена

visit-title = Визит · { $store } ({ $code }) · начат { $time } · { $status }
visit-status-open = открыт
visit-status-submitted = сдан
visit-status-amending = исправление
visit-step-audit = Аудит
visit-step-expiry = Сроки
visit-step-returns = Возвраты
visit-step-notes = Заметки
visit-step-checkout = Итог
visit-osa = OSA { $value } (ходовые ×{ $weight })
visit-price-compliance = цены в норме { $value } (±{ $tolerance } %)
visit-lines-left = осталось { $count } из { $total }
visit-expiry-rules = критично: ≤ { $days } дн. или ≤ { $critical } % срока · скоро: ≤ { $near } %
visit-returns-rule = возвраты, не списанные за { $days } дн., отмечаются
visit-notes-hint = a заметка · p проблема со сроком · r решено
visit-scan = EAN
visit-not-a-barcode = { $code } — не штрихкод (8, 12 или 13 цифр с верной контрольной цифрой)
visit-unknown-ean = EAN { $ean } нет в обязательном ассортименте магазина
visit-scanned = Отсканировано: { $name }
visit-read-only = Сдан: только чтение. A — исправить (оригинал сохранится).
visit-submitted-now = Визит сдан.
visit-amending = Исправление: каждое изменение записывается (кто, что, когда).
visit-saved-line = Сохранено: { $name }
visit-saved-batch = Сохранено: { $name } · { $class }
visit-saved-return = Возврат сохранён: { $name } · { $value }
visit-saved = Сохранено.
visit-batch-returned = Эта партия уже в возврате.
visit-return-write-off-first = Нельзя закрыть: возврат { $status }. Сначала спишите его (w).
visit-return-cannot = Нельзя: возврат { $status }.
visit-resumed = Незаконченный визит продолжен с того же места.
visit-checked-in = Визит начат.
visit-save-failed = НЕ сохранено: { $error }
visit-no-lines = У магазина нет обязательного ассортимента.
visit-no-batches = Партий нет: a — добавить, или отсканируйте товар.
visit-no-returns = Возвратов нет: a — добавить, или отсканируйте товар.
visit-no-notes = Нет заметок и открытых проблем.
visit-note = Заметка:
visit-problem = Проблема:
visit-pull-list = Снять с полки ({ $count }):

visit-col-product = Товар
col-shelf = Полка
col-facings = Фс
col-stock = Ост
col-price-seen = Цена
col-list-price = Прайс
col-reason = Причина
col-expiry = Годен до
visit-col-qty = Кол.
col-class = Класс
col-action = Действие
col-value = Сумма
col-logged = Записан

days-ago = { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[many] { $days } дней
}
problem-resolved = решена
problem-overdue = просрочена на { $days ->
    [one] { $days } день
    [few] { $days } дня
   *[many] { $days } дней
}
problem-due = срок { $date }

confirm-submit-unchecked = { $count ->
    [one] Не проверена { $count } строка аудита из { $total }.
    [few] Не проверены { $count } строки аудита из { $total }.
   *[many] Не проверено { $count } строк аудита из { $total }.
}
confirm-submit-title = Отправить визит?
confirm-submit = После отправки визит только для чтения; исправления станут поправками.
confirm-amend-title = Исправить сданный визит?
confirm-amend = Каждое изменение запишется как поправка; оригинал сохранится.
confirm-hint = y да · n нет

checkout-summary = Итог
checkout-audit = Аудит: { $checked } из { $total ->
    [one] { $total } строки
   *[other] { $total } строк
} · OSA { $osa } · цены в норме { $price }
checkout-expiry = Сроки: просрочено { $expired }, критично { $critical }, скоро { $near } · снять { $pull }
checkout-returns = Возвраты: { $count } · сумма { $value }
checkout-problems = Открытые проблемы: { $count } · заметки: { $notes }
checkout-lines-left = { $count ->
    [one] { $count } строка не проверена
    [few] { $count } строки не проверены
   *[many] { $count } строк не проверено
}
checkout-submitted-at = Сдан в { $time }.
checkout-press-enter = Enter: отправить визит
checkout-amendments = Поправки

route-returns-flagged = ⚑{ $count }
card-open-problems = Открытые проблемы
card-pending-returns = Возвраты к списанию (отметка через { $days } дн.)
