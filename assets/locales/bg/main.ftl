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
