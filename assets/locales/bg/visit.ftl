# rounds — посещение в обект (български)

key-start-visit = посещение
key-on-shelf = на рафта
key-not-on-shelf = липсва
key-facings = лица
key-price-seen = цена
key-next-step = следваща стъпка
key-prev-step = предишна стъпка
key-add = добави
key-add-problem = проблем
key-pulled = изтеглено
key-move-front = напред
key-markdown = намаление
key-make-return = към връщане
key-write-off = отписано
key-close-return = приключи
key-resolve = решено
key-submit = изпрати
key-amend = коригирай
key-save = напред/запиши
key-next-field = следващо поле
key-prev-field = предишно поле
key-cancel = отказ
key-pick-1 = вариант 1
key-pick-2 = вариант 2
key-pick-3 = вариант 3
key-pick-4 = вариант 4
key-pick-5 = вариант 5
key-scan = въведете или сканирайте EAN

input-empty = въведете стойност
input-not-number = само цели числа
input-negative = не може да е отрицателно
input-too-large = най-много { $max }
input-zero = трябва да е повече от 0
input-bad-price = това не е цена: цифри със запетая или точка, напр. 12,50
input-bad-date = това не е дата: 12.03, 2026-03-12 или +5
input-impossible-date = няма такъв ден
input-date-too-far = повече от десет години напред
input-unknown-product = няма такъв продукт в този обект

field-facings = Лица
field-stock = Наличност (рафт и склад; Enter пропуска)
field-price = Цена на рафта
field-product = Продукт (EAN или име)
field-expiry = Срок на годност
field-qty = Количество
field-reason = Причина
field-text = Текст
field-due = Срок

form-line = Ред от рафта
form-batch = Партида
form-return = Връщане
form-note = Бележка
form-problem = Проблем
form-hint = Enter напред/запиши · Tab поле · Esc отказ · сканиране работи във всяко поле

return-reason-expired = изтекъл срок
return-reason-damaged = повреден
return-reason-defective = дефектен
return-reason-slow_seller = не се продава
return-reason-recall = изтеглен от пазара
return-reason-complaint = оплакване
return-status-logged = записано
return-status-written_off = отписано
return-status-closed = приключено

expiry-expired = изтекъл
expiry-critical = критично
expiry-near = скоро
expiry-ok = наред
batch-action-pulled = изтеглено
batch-action-moved_to_front = преместено отпред
batch-action-markdown_proposed = предложено намаление

missing-not_ordered = не е поръчан
missing-not_delivered = не е доставен
missing-in_backroom = в склада
missing-delisted = изваден от асортимента
reason-title = Защо липсва?
reason-hint = 1-4 избор · Esc отказ

visit-title = Посещение · { $store } ({ $code }) · начало { $time } · { $status }
visit-status-open = отворено
visit-status-submitted = изпратено
visit-status-amending = корекция
visit-step-audit = Одит
visit-step-expiry = Срокове
visit-step-returns = Връщания
visit-step-notes = Бележки
visit-step-checkout = Край
visit-osa = OSA { $value } (бързооборотни ×{ $weight })
visit-price-compliance = цени в норма { $value } (±{ $tolerance } %)
visit-lines-left = остават { $count } от { $total }
visit-expiry-rules = критично: ≤ { $days } ден или ≤ { $critical } % от срока · скоро: ≤ { $near } %
visit-returns-rule = връщания, неотписани до { $days } дни, се отбелязват
visit-notes-hint = a бележка · p проблем със срок · r решено
visit-scan = EAN
visit-not-a-barcode = { $code } не е баркод (8, 12 или 13 цифри с вярна контролна цифра)
visit-unknown-ean = EAN { $ean } не е в задължителния асортимент на обекта
visit-scanned = Сканирано: { $name }
visit-read-only = Изпратено: само за четене. A коригира (оригиналът се пази).
visit-submitted-now = Посещението е изпратено.
visit-amending = Корекция: всяка промяна се записва (кой, какво, кога).
visit-saved-line = Записано: { $name }
visit-saved-batch = Записано: { $name } · { $class }
visit-saved-return = Връщането е записано: { $name } · { $value }
visit-saved = Записано.
visit-batch-returned = Тази партида вече е връщане.
visit-return-cannot = Не може: връщането е { $status }.
visit-resumed = Незавършеното посещение продължава оттам, докъдето беше стигнато.
visit-checked-in = Посещението започна.
visit-save-failed = НЕ е записано: { $error }
visit-no-lines = Обектът няма задължителен асортимент.
visit-no-batches = Няма партиди: a добавя, или сканирайте продукт.
visit-no-returns = Няма връщания: a добавя, или сканирайте продукт.
visit-no-notes = Няма бележки и отворени проблеми.
visit-note = Бележка:
visit-problem = Проблем:
visit-pull-list = За изтегляне ({ $count }):

visit-col-product = Продукт
col-shelf = Рафт
col-facings = Лц
col-stock = Нал
col-price-seen = Видяна
col-list-price = Листова
col-reason = Причина
col-expiry = Годен до
visit-col-qty = Кол.
col-class = Клас
col-action = Действие
col-value = Стойност
col-logged = Записано

days-ago = { $days ->
    [one] { $days } ден
   *[other] { $days } дни
}
problem-resolved = решен
problem-overdue = просрочен с { $days ->
    [one] { $days } ден
   *[other] { $days } дни
}
problem-due = срок { $date }

confirm-submit-title = Да се изпрати ли посещението?
confirm-submit = След изпращане посещението е само за четене; поправките стават корекции.
confirm-amend-title = Корекция на изпратеното посещение?
confirm-amend = Всяка промяна ще се запише като корекция; оригиналът остава.
confirm-hint = y да · n не

checkout-summary = Обобщение
checkout-audit = Одит: { $checked } от { $total ->
    [one] { $total } ред
   *[other] { $total } реда
} · OSA { $osa } · цени в норма { $price }
checkout-expiry = Срокове: изтекли { $expired }, критични { $critical }, скоро { $near } · за изтегляне { $pull }
checkout-returns = Връщания: { $count } · стойност { $value }
checkout-problems = Отворени проблеми: { $count } · бележки: { $notes }
checkout-lines-left = { $count ->
    [one] { $count } ред не е проверен
   *[other] { $count } реда не са проверени
}
checkout-submitted-at = Изпратено в { $time }.
checkout-press-enter = Enter: изпрати посещението
checkout-amendments = Корекции

route-returns-flagged = ⚑{ $count }
card-open-problems = Отворени проблеми
card-pending-returns = Връщания за отписване (отбелязват се след { $days } дни)

input-date-in-past = крайният срок не може да е преди днес
batch-suggest-pull = → изтегли
batch-suggest-near = → отпред / намаление
checkout-pull-line = { $name } · { $date } · { $qty } бр. · { $class }
batch-returned = върнат
visit-return-write-off-first = Не може да се закрие: връщането е { $status }. Първо го отпишете с w, после го закрийте с x.
confirm-submit-unchecked = { $count ->
    [one] { $count } от { $total } реда на одита не е проверен.
   *[other] { $count } от { $total } реда на одита не са проверени.
}
