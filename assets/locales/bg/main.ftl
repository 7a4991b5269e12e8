# rounds — български

key-quit = изход
key-back = назад
key-up = избор
key-down = надолу
key-open = отвори
key-search = търсене
key-help = помощ
key-store-list = всички обекти
key-next-rep = следващ търговец
key-prev-rep = предишен търговец
key-yes = да
key-no = не

weekday-mon = понеделник
weekday-tue = вторник
weekday-wed = сряда
weekday-thu = четвъртък
weekday-fri = петък
weekday-sat = събота
weekday-sun = неделя

never = няма

route-title = Маршрут за днес · { $weekday } { $date } · { $rep }
route-empty = Днес няма обекти в маршрута.
route-overdue = закъснял с { $days ->
    [one] { $days } ден
   *[other] { $days } дни
}
route-planned = по план
route-stops = { $count ->
    [one] { $count } обект
   *[other] { $count } обекта
}
route-overdue-count = закъснели: { $count }

col-store = Обект
col-city = Град
col-last-visit = Последно посещение
col-status = Статус
col-code = Код
col-rep = Търговец

stores-title = Обекти ({ $count })
stores-search-hint = Натиснете / за търсене по име, град или код
stores-none = Няма намерени обекти.

card-address = Адрес
card-decision-maker = Управител
card-phone = Телефон
card-rep = Търговец
card-next-due = Следващо посещение
card-terms = Условия на плащане
card-must-stock = Задължителен асортимент
card-recent-visits = Последни посещения

help-title = Клавиши
route-in-progress = в процес

key-page-up = страница нагоре
key-page-down = страница надолу
key-top = първи
key-bottom = последен

route-no-rep = все още няма търговец

channel-visit = посещение
channel-phone = телефон
channel-email = имейл
channel-messenger = месинджър

card-on-schedule = по график
card-email = Имейл
card-channel = Предпочитан канал
card-frequency = Честота на посещения
card-every-days = { $days ->
    [one] всеки ден
   *[other] на всеки { $days } дни
}
card-weekdays = По план в
card-terms-value = { $days } дни отложено плащане, лимит { $limit }
card-top-sellers = Най-продавани, последните 8 седмици (бройки)

visit-submitted = изпратено
visit-open = в процес

demo-offer-title = Добре дошли в rounds
demo-offer-text = Все още няма данни. Да се заредят ли демо данните (обекти, продукти, търговци и една година продажби), за да пробвате rounds?
demo-offer-yes = зареди демото
demo-offer-no = започни празно
demo-declined = Започнато празно. Импортирайте данните си или изпълнете `rounds demo`.
demo-loaded = Демото е заредено: { $stores ->
    [one] { $stores } обект
   *[other] { $stores } обекта
}.
demo-not-empty = директорията с данни { $dir } вече съдържа данни; `rounds demo --reset` ги заменя изцяло с демото
demo-summary = Демото е заредено в { $dir }: обекти { $stores }, продукти { $products }, търговци { $reps }, минали посещения { $visits }.

error-unknown-rep = няма търговец с код { $rep }; вижте `rounds export stores` за кодовете на търговците
error-unknown-store = няма обект с код { $code }
error-no-data-dir = не е намерена директория с данни за този потребител; подайте --data-dir DIR
error-no-database = в { $dir } няма база данни на rounds; проверете --data-dir (или ROUNDS_DATA_DIR) или заредете данни с `rounds demo` или `rounds import`
