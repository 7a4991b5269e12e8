# Поръчки: изготвяне, преглед, доставки (български)

method-mean = кратка история
method-sba = непостоянни продажби
method-ses = стабилни продажби
method-trend = с тенденция

reason-sells = продава {$rate} седмично ({$how}), покрива {$days} дни
reason-seen = {$units} на рафта
reason-seen-empty = рафтът е празен
reason-out-of-stock = няма наличност: един кашон от {$pack}
reason-capped = ограничено до последно приетото ({$why})
reason-noted-refusal = отказано миналия път: {$why}
reason-case = кашон от {$pack}
reason-promo = бонус по промоция {$code}
reason-promo-topped = допълнено до стъпката на промоция {$code}

refusal-overstock = свръхналичност
refusal-no-shelf-space = няма място на рафта
refusal-price = цена
refusal-slow-seller = бавна продажба
refusal-other = друго

order-state-draft = чернова
order-state-reviewed = прегледана
order-state-sent = изпратена

order-title = Поръчка {$number} · {$store} · {$state}
order-cover = Покритие {$days} дни (следващо посещение {$next} + доставка {$lead})
col-product = Продукт
col-sales = Прод./седм.
col-suggested = Предл.
col-qty = К-во
col-bonus = Бонус
order-totals = {$lines ->
    [one] {$lines} ред
   *[other] {$lines} реда
}, {$units} бр., {$value}
order-reason = Защо: {$text}
order-added-by-rep = добавено от търговеца
order-terms = Условия: {$days} дни, лимит {$limit} · неплатени {$open} ({$count}) · просрочени {$overdue} ({$overdue_count})
order-terms-none = Условия: плащане при доставка · неплатени {$open} ({$count}) · просрочени {$overdue} ({$overdue_count})
order-over-limit = ⚠ неплатените фактури плюс тази поръчка надхвърлят лимита {$limit}
order-acceptance = Приети без промяна: {$share} от {$orders} прегледани · {$run} поредни
order-acceptance-none = Все още няма прегледани поръчки
order-trusted = доверен обект
order-can-trust = може да се отбележи като доверен (t)
order-fill = Изпълнение {$rate} ({$delivered}/{$ordered} доставени реда)
order-fill-chase = Изпълнение {$rate} ({$delivered}/{$ordered} реда) — проследете
order-fill-waiting = Изпратена на {$date}, още няма доставка
order-edit-qty = Количество за {$product}: {$text}▏ (Enter — запис, Esc — отказ)
order-bad-qty = {$text} не е количество: въведете цели бройки, напр. 12
order-add-title = Добавяне на продукт: име или EAN
order-add-none = Няма продукт, отговарящ на {$query}
order-refusal-title = Защо управителят намали {$product}?
order-confirm-send = Изпращане на поръчка {$number}: {$lines ->
    [one] {$lines} ред
   *[other] {$lines} реда
}, {$units} бр., {$value}? (y/n)
order-saved = Запазено
order-reviewed-as-is = Прегледана: приета без промени
order-reviewed-edited = Прегледана: редактирана ({$share} без промяна)
order-sent = Поръчка {$number} е изпратена
order-marked-trusted = {$store} е отбелязан като доверен
order-not-draft = Само чернова може да се променя; тази поръчка е {$state}
order-not-reviewed = Отбележете поръчката като прегледана (v), преди да я изпратите
order-empty = Поръчката няма бройки: добавете ред преди изпращане
order-no-lines = Този обект няма задължителен асортимент: добавете продукти с a
order-refusal-recorded = Отказът е записан: {$why}

key-order = поръчка
key-edit-qty = количество
key-more = +кашон
key-less = −кашон
key-strike = зачеркни
key-add-line = добави
key-refusal = защо
key-reviewed = прегледана
key-send = изпрати
key-trust = доверен
key-confirm = потвърди
key-new-order = нова поръчка

cli-order-no-store = Няма обект {$code}: вижте `rounds export stores` за кодовете

route-orders-chase = ⚠ { $count ->
    [one] { $count } поръчка за проследяване
   *[other] { $count } поръчки за проследяване
}
card-orders-chase = Поръчки за проследяване (изпълнение под зададения праг)
card-order-fill = { $number }: { $percent } % ({ $delivered }/{ $ordered } реда)

order-qty-empty = Въведете количество в бройки, напр. 12 (Esc за отказ)
order-qty-not-whole = „{$text}“ не е цяло число бройки: въведете напр. 12
order-qty-negative = {$text} е отрицателно: въведете 0, за да задраскате реда
order-qty-too-large = Твърде много: най-много {$max} бр. ({$cases} кашона по {$pack})
order-qty-breaks-case = {$qty} не е цял брой кашони по {$pack}: {$cases} кашона + {$rest}
method-tsb = продава се от време на време
method-no_sales = без продажби
reason-no-sales-weeks = без продажби от {$weeks} седмици: проверете рафта
reason-no-sales-days = без продажби от {$days} дни: проверете рафта
reason-case-minimum = нужни са {$needs}, кашон от {$pack}
# a failed save: the stored order is shown again
order-save-failed = Поръчката НЕ е записана: { $error }
