# Заказ: черновик, согласование, поставки (задача 4)

method-mean = мало истории
method-sba = нерегулярно
method-ses = ровно
method-trend = с трендом

reason-sells = продаётся {$rate} в неделю ({$how}), запас на {$days ->
    [one] {$days} день
    [few] {$days} дня
   *[many] {$days} дней
}
reason-seen = на полке {$units}
reason-seen-empty = полка пуста
reason-out-of-stock = нет в наличии: одна коробка по {$pack}
reason-capped = не больше принятого в прошлый раз ({$why})
reason-noted-refusal = в прошлый раз отказ: {$why}
reason-case = в коробке {$pack}
reason-promo = бонус акции {$code}
reason-promo-topped = доведено до шага акции {$code}

refusal-overstock = затоварено
refusal-no-shelf-space = нет места на полке
refusal-price = цена
refusal-slow-seller = плохо продаётся
refusal-other = другое

order-state-draft = черновик
order-state-reviewed = согласован
order-state-sent = отправлен

order-title = Заказ {$number} · {$store} · {$state}
order-cover = Запас на {$days} дн. (до визита {$next} + поставка {$lead})
col-product = Товар
col-sales = Продажи по неделям
col-suggested = Предл.
col-qty = Кол.
col-bonus = Бонус
col-value = Сумма
order-totals = {$lines ->
    [one] {$lines} строка
    [few] {$lines} строки
   *[many] {$lines} строк
}, {$units} шт., {$value}
order-reason = Почему: {$text}
order-added-by-rep = добавлено агентом
order-terms = Оплата: {$days} дн., лимит {$limit} · открыто {$open} ({$count}) · просрочено {$overdue} ({$overdue_count})
order-terms-none = Оплата при поставке · открыто {$open} ({$count}) · просрочено {$overdue} ({$overdue_count})
order-over-limit = ⚠ открытые счета и этот заказ превышают лимит {$limit}
order-acceptance = Принято без изменений: {$share} по {$orders} согласованным · подряд {$run}
order-acceptance-none = Согласованных заказов ещё нет
order-trusted = доверенный магазин
order-can-trust = можно отметить как доверенный (t)
order-fill = Выполнение {$rate} (поставлено строк {$delivered} из {$ordered})
order-fill-chase = Выполнение {$rate} (строк {$delivered} из {$ordered}) — выяснить
order-fill-waiting = Отправлен {$date}, поставки ещё нет
order-edit-qty = Количество {$product}: {$text}▏ (Enter — принять, Esc — отмена)
order-qty-empty = Введите количество в штуках, напр. 12 (Esc — отмена)
order-qty-not-whole = «{$text}» — не целое число штук: введите, напр., 12
order-qty-negative = {$text} — отрицательное число: 0 вычеркнет строку
order-qty-too-large = Слишком много: не больше {$max} шт. ({$cases} кор. по {$pack})
order-qty-breaks-case = {$qty} — не целое число коробок по {$pack}: {$cases} кор. + {$rest} шт.
order-add-title = Добавить товар: название или EAN
order-add-none = Нет товара по запросу {$query}
order-refusal-title = Почему ЛПР уменьшил {$product}?
order-confirm-send = Отправить заказ {$number}: строк {$lines}, {$units} шт., {$value}? (y/n)
order-saved = Сохранено
order-reviewed-as-is = Согласован без изменений
order-reviewed-edited = Согласован с правками (без изменений {$share})
order-sent = Заказ {$number} отправлен
order-marked-trusted = {$store} отмечен как доверенный
order-not-draft = Менять можно только черновик; этот заказ — {$state}
order-not-reviewed = Сначала отметьте согласование (v), потом отправляйте
order-empty = В заказе нет товара: добавьте строку перед отправкой
order-no-lines = У магазина нет обязательного ассортимента: добавьте товары клавишей a
order-refusal-recorded = Причина отказа записана: {$why}

key-order = заказ
key-edit-qty = количество
key-more = +коробка
key-less = −коробка
key-strike = вычеркнуть
key-add-line = добавить
key-refusal = причина
key-reviewed = согласован
key-send = отправить
key-trust = доверие
key-confirm = подтвердить
key-new-order = новый заказ

cli-order-no-store = Нет магазина {$code}: коды покажет `rounds export stores`

route-orders-chase = ⚠ { $count ->
    [one] { $count } заказ недопоставлен
    [few] { $count } заказа недопоставлены
   *[many] { $count } заказов недопоставлены
}
card-orders-chase = Недопоставленные заказы (уровень выполнения ниже порога)
card-order-fill = { $number }: { $percent } % ({ $delivered }/{ $ordered } строк)
method-tsb = продаётся время от времени
method-no_sales = нет продаж
reason-no-sales-weeks = нет продаж {$weeks ->
    [one] {$weeks} неделю
    [few] {$weeks} недели
   *[many] {$weeks} недель
}: проверьте полку
reason-no-sales-days = нет продаж {$days ->
    [one] {$days} день
    [few] {$days} дня
   *[many] {$days} дней
}: проверьте полку
reason-case-minimum = нужно {$needs}, в коробке {$pack}
# a failed save: the stored order is shown again
order-save-failed = Заказ НЕ сохранён: { $error }
