## Layout
site-name = Портал грантов KAZLOD
site-short = Гранты KAZLOD
site-tagline = ЕС–Казахстан · Поддержка местного развития
skip-to-content = Перейти к содержимому
nav-main = Главное меню
nav-login = Войти
nav-logout = Выйти
nav-register = Регистрация
nav-account = Личный кабинет
nav-users = Пользователи
nav-outbox = Исходящие
nav-audit = Журнал аудита
language-switch = Язык
language-browser = По настройкам браузера
footer-funded = Финансируется Европейским союзом (соглашение о финансировании DCI-ASIE/2010/020-609).
footer-times = Всё время указано по времени Алматы (UTC+5).

## Common words
save = Сохранить
status = Статус
created = Дата создания
filter-all = Все
filter-apply = Применить фильтр
list-empty = Нет данных для отображения.
list-total = { $count ->
    [one] { $count } запись
    [few] { $count } записи
    [many] { $count } записей
   *[other] { $count } записи
}
pager-label = Страницы
pager-prev = Предыдущая
pager-next = Следующая
pager-position = Страница { $page } из { $pages }

## Roles
role-applicant = Заявитель
role-evaluator = Эксперт-оценщик
role-delegation = Сотрудник Представительства ЕС
role-auditor = Аудитор
role-admin = Администратор

## Home
home-title = Конкурсы заявок программы KAZLOD
home-lead = Здесь неправительственные организации и местные исполнительные органы (акиматы) Казахстана подают заявки на гранты ЕС для местного развития; эксперты-оценщики оценивают заявки, а Представительство Европейского Союза присуждает гранты и сопровождает исполнение каждого договора о предоставлении гранта.
home-welcome = Добро пожаловать, { $name }.
home-register = Зарегистрироваться в качестве заявителя
home-programme-heading = О программе
home-programme-text = Программа финансируется Европейским союзом в размере { $total }. До { $grants } направляется на гранты в { $count ->
    [one] одном конверте
   *[other] { $count } конвертах
    }.
home-cofinancing-title = Софинансирование
home-cofinancing-text = Заявители вносят не менее { $share }% приемлемых расходов; договоры о гранте заключаются на срок до { $months } месяцев.

## Form fields
field-email = Адрес электронной почты
field-display-name = Имя и фамилия
field-password = Пароль
field-new-password = Новый пароль
field-current-password = Текущий пароль
field-role = Роль
field-language = Язык
field-token-name = Название токена
password-hint = Не менее 15 символов. Несколько не связанных между собой слов — хороший и легко запоминающийся пароль; не используйте распространённые пароли, а также своё имя или адрес электронной почты.

## Registration and login
register-title = Создание учётной записи заявителя
register-intro = Зарегистрируйтесь один раз; сведения об организации и заявки вы добавите позже. Мы отправим вам ссылку для подтверждения адреса электронной почты.
register-submit = Создать учётную запись
register-have-account = Уже зарегистрированы?
check-email-title = Проверьте электронную почту
check-email-register = Мы отправили письмо на { $email }. Откройте ссылку в нём, чтобы активировать учётную запись. Если у этого адреса уже есть учётная запись, в письме сказано, как войти.
check-email-reset = Если для адреса { $email } существует учётная запись, мы отправили на него ссылку для выбора нового пароля. Ссылкой можно воспользоваться один раз в течение одного часа.
check-email-spam = Письмо не пришло через несколько минут? Проверьте папку «Спам» или повторите попытку.
confirm-title = Подтвердите адрес электронной почты
confirm-intro = Нажмите кнопку, чтобы подтвердить адрес электронной почты и активировать учётную запись.
confirm-submit = Подтвердить адрес электронной почты
link-problem-title = Эту ссылку невозможно использовать
link-problem-new-reset = Запросить новую ссылку
login-title = Вход
login-submit = Войти
login-forgot = Забыли пароль?
login-no-account = Ещё нет учётной записи?
forgot-title = Восстановление пароля
forgot-intro = Введите адрес электронной почты вашей учётной записи. Мы отправим вам ссылку для выбора нового пароля; ею можно воспользоваться один раз в течение одного часа.
forgot-submit = Отправить ссылку
reset-title = Придумайте новый пароль
set-password-title = Придумайте пароль
reset-for = Для учётной записи { $email }.
reset-submit = Сохранить пароль

## Account
account-title = Личный кабинет
account-member-since = Дата регистрации
account-last-login = Последний вход
account-profile = Профиль
account-password = Пароль
account-change-password = Сменить пароль
account-sessions = Сеансы
account-sessions-text = Вы входили с другого компьютера или телефона, которым больше не пользуетесь? Завершите все остальные сеансы; текущий сеанс останется открытым.
account-logout-everywhere = Выйти на всех остальных устройствах
account-tokens = API-токены
account-tokens-text = Программы могут работать с JSON API портала с помощью персонального токена. Храните токен так же надёжно, как пароль; отзовите его, когда он станет не нужен.
account-no-tokens = У вас нет API-токенов.
account-create-token = Создать токен
account-token-created = Новый токен показывается только сейчас. Скопируйте его и сохраните в надёжном месте:
token-prefix = Начинается с
token-last-used = Последнее использование
token-revoke = Отозвать
token-revoked = Отозван { $when }

## Administration
users-title = Пользователи
users-invite = Пригласить пользователя
users-search = Имя или адрес электронной почты
user-status-active = Активен
user-status-disabled = Заблокирован
user-status-unconfirmed = Адрес электронной почты не подтверждён
invite-title = Приглашение пользователя
invite-intro = Пользователь получит письмо со ссылкой для выбора пароля. Ссылка действительна 7 дней.
invite-submit = Отправить приглашение
user-change-role = Роль
user-access = Доступ
user-disable = Заблокировать эту учётную запись
user-disable-text = Заблокированный пользователь сразу выходит из системы, не может войти, а его API-токены отзываются. Ничего из сделанного им не удаляется.
user-disabled-text = Эта учётная запись заблокирована.
user-enable = Разблокировать эту учётную запись
user-history = История
outbox-title = Исходящие письма
outbox-intro = Каждое письмо портала сначала ставится в эту очередь и отправляется в фоновом режиме; если почтовый сервер недоступен, отправка повторяется.
mail-to = Кому
mail-subject = Тема
mail-attempts = Попытки
mail-detail = Подробности
mail-status-queued = В очереди
mail-status-sent = Отправлено
mail-status-failed = Ошибка отправки
mail-sent-at = Отправлено { $when }
mail-next-attempt = Следующая попытка: { $when }
mail-retry = Повторить
audit-title = Журнал аудита
audit-intro = Все изменения, внесённые на портале, записываются от самых ранних к самым поздним в цепочку, в которой любое вмешательство становится заметным. Здесь первыми показаны самые новые.
audit-when = Когда
audit-actor = Кто
audit-action = Действие
audit-object = Объект
audit-object-type = Тип объекта
audit-object-id = Идентификатор объекта
audit-details = Подробности
audit-address = Адрес
audit-from = Дата с
audit-until = Дата по

## Messages after an action
flash-email-confirmed = Ваш адрес электронной почты подтверждён. Теперь вы можете войти.
flash-logged-out = Вы вышли из системы.
flash-logged-out-everywhere = Все остальные сеансы завершены.
flash-password-changed = Ваш пароль изменён. Остальные сеансы завершены.
flash-password-set = Ваш пароль сохранён. Теперь войдите с этим паролем.
flash-profile-saved = Ваш профиль сохранён.
flash-token-revoked = Токен отозван.
flash-role-changed = Роль изменена. Открытые сеансы пользователя завершены.
flash-user-disabled = Учётная запись заблокирована.
flash-user-enabled = Учётная запись снова разблокирована.
flash-user-invited = Приглашение отправлено на адрес { $email }.
flash-mail-requeued = Письмо снова поставлено в очередь.

## Errors
error-title-400 = Не удалось обработать запрос
error-title-401 = Пожалуйста, войдите в систему
error-title-403 = Доступ запрещён
error-title-404 = Страница не найдена
error-title-405 = Действие не разрешено
error-title-413 = Слишком большой объём данных
error-title-429 = Слишком много попыток
error-title-500 = Произошла ошибка
error-title-503 = Временно недоступно
error-back-home = Вернуться на главную страницу
error-request-id = Номер ошибки для справки:
error-bad-request = Не удалось обработать запрос.
error-unauthorized = Для этого необходимо войти в систему.
error-forbidden = У вас нет прав на это действие. Если вы считаете, что они должны у вас быть, обратитесь к администратору портала.
error-not-found = Такой страницы нет, или у вас нет доступа к ней.
error-method-not-allowed = Эту страницу нельзя использовать таким образом.
error-payload-too-large = Отправленные данные слишком велики.
error-too-many-requests = Слишком много попыток. Подождите минуту и попробуйте снова.
error-internal = На нашей стороне произошла непредвиденная ошибка. Она зарегистрирована; пожалуйста, повторите попытку позже.
error-unavailable = Портал сейчас не может подключиться к базе данных. Пожалуйста, повторите попытку через несколько минут.
error-validation = Проверьте заполнение некоторых полей.
error-invalid-form = Не удалось прочитать данные формы. Обновите страницу и попробуйте снова.
error-invalid-json = Не удалось прочитать тело запроса в формате JSON, или в нём есть неизвестные либо повторяющиеся поля.
error-invalid-query = В адресе есть неизвестные или недопустимые параметры.
error-required = Это поле обязательно для заполнения.
error-email-invalid = Введите корректный адрес электронной почты, например name@example.kz.
error-email-taken = Учётная запись с этим адресом электронной почты уже существует.
error-name-too-long = Имя слишком длинное (не более 120 символов).
error-name-invalid = Имя содержит недопустимые символы.
error-password-too-short = Пароль должен содержать не менее 15 символов.
error-password-too-long = Пароль слишком длинный (не более 256 символов).
error-password-common = Этот пароль слишком распространён, и его легко угадать. Выберите другой.
error-password-personal = Пароль не должен содержать ваше имя, адрес электронной почты или название портала.
error-current-password-wrong = Текущий пароль указан неверно.
error-login-invalid = Неверный адрес электронной почты или пароль.
error-login-throttled = Слишком много попыток входа. Подождите несколько минут или восстановите пароль.
error-login-unconfirmed = Ваш адрес электронной почты ещё не подтверждён. Мы отправили вам новую ссылку для подтверждения.
error-login-disabled = Эта учётная запись заблокирована. Обратитесь к администратору портала.
error-link-invalid = Эта ссылка недействительна. Скопируйте ссылку из письма полностью или запросите новую.
error-link-used = Эта ссылка уже была использована. При необходимости запросите новую.
error-link-expired = Срок действия этой ссылки истёк. Запросите новую.
error-role-invalid = Выберите одну из ролей в списке.
error-token-name-invalid = Название токена должно содержать не более 80 символов и не должно содержать переносов строки.
error-last-admin = В этом случае на портале не останется ни одного активного администратора.
error-cannot-disable-self = Нельзя заблокировать собственную учётную запись.

## Emails
email-greeting = Здравствуйте, { $name }!
email-footer = Портал грантов KAZLOD — программа ЕС–Казахстан «Поддержка местного развития». Это сообщение отправлено автоматически; пожалуйста, не отвечайте на него.
email-confirm-email-subject = Подтвердите адрес электронной почты
email-confirm-email-body = Благодарим вас за регистрацию на портале грантов KAZLOD. Подтвердите адрес электронной почты, открыв эту ссылку (она действительна в течение { $hours } ч):

    { $link }

    Если вы не регистрировались, просто проигнорируйте это письмо.
email-reset-password-subject = Восстановление пароля
email-reset-password-body = Поступил запрос на сброс пароля вашей учётной записи. Задайте новый пароль по этой ссылке; ею можно воспользоваться один раз в течение { $minutes } мин:

    { $link }

    Если это были не вы, просто проигнорируйте это письмо: ваш пароль останется прежним.
email-invitation-subject = Приглашение на портал грантов KAZLOD
email-invitation-body = Для вас создана учётная запись на портале грантов KAZLOD с ролью «{ $role }». Придумайте пароль, перейдя по этой ссылке (она действительна в течение { $hours } ч):

    { $link }
email-already-registered-subject = У вас уже есть учётная запись
email-already-registered-body = Кто-то попытался зарегистрироваться на портале грантов KAZLOD с этим адресом электронной почты, но для него уже есть учётная запись. Войти можно здесь:

    { $login_link }

    Забыли пароль? Задайте новый здесь: { $reset_link }
email-password-changed-subject = Ваш пароль изменён
email-password-changed-body = Пароль вашей учётной записи на портале грантов KAZLOD только что был изменён, а остальные сеансы завершены. Если это были не вы, немедленно восстановите пароль и сообщите об этом администратору портала.

## Common words (calls)
back = Назад
edit = Изменить
delete = Удалить
remove = Удалить
unlimited = без ограничений
almaty-time = время Алматы
months-range = { $min }–{ $max } мес.
time-left-days = { $days } дн. { $hours } ч
time-left-hours = { $hours } ч { $minutes } мин
nav-calls = Конкурсы заявок
nav-programmes = Программы
nav-manage-calls = Управление конкурсами
home-open-calls = Открытые конкурсы заявок
home-no-open-calls = Сейчас нет открытых конкурсов заявок. Зарегистрируйтесь заранее и подпишитесь на интересующие вас конкурсы.
home-all-calls = Все конкурсы, включая предстоящие и завершённые

## Programme timeline
programmes-title = Программы
programmes-none = Программ пока нет.
programme-new = Новая программа
programme-edit = Изменить программу
programme-reference = Номер финансового соглашения
programme-title-field = Название
programme-d = Вступление в силу (D)
programme-d-hint = День, когда последняя из сторон подписала финансовое соглашение. Все сроки программы рассчитываются от этой даты.
programme-d-amend-only = сроки программы меняются только посредством зарегистрированного изменения.
programme-total = Общий бюджет
programme-total-eur = Общий бюджет (EUR)
programme-grant-budget = Бюджет грантов (сумма финансовых пакетов)
programme-budget = Ориентировочный бюджет
programme-envelopes = Финансовые пакеты (конверты) для грантов
programme-calls = Конкурсы заявок
programme-dates = Сроки программы
programme-next-reports = Ближайшие отчёты Руководящему комитету (TL-07)
lines-hint = Каждая строка — одна статья бюджета: название и сумма в EUR. Чтобы удалить строку, очистите её (она сохранится в записях).
envelopes-hint = Каждая строка — один финансовый пакет для грантов. Лоты финансируются из пакета; пакет, используемый опубликованными конкурсами, не может стать меньше того, что они используют.
timeline-title = График программы
timeline-caption = Этапы рассчитаны от даты вступления в силу; точки на оси — отчёты Руководящему комитету каждые 6 месяцев; красная линия — сегодняшний день.
timeline-today = Сегодня
timeline-entry-into-force = Вступление в силу (D)
timeline-call-launch-deadline = Последний день для публикации конкурсов
timeline-contracting-deadline = Последний день для подписания договоров
timeline-sunset-check = Автоматическое прекращение, если договоры не заключены
timeline-operational-end = Окончание этапа оперативной реализации
timeline-execution-end = Окончание периода исполнения
timeline-decommitment = Высвобождение (декоммитмент) неиспользованных средств
timeline-steering-report = Отчёт Руководящему комитету
timeline-band-operational = Этап оперативной реализации
timeline-band-closure = Этап закрытия
timeline-band-contracting = Период заключения договоров
countdown-next = Ближайший срок
countdown-days = { $days ->
    [one] { $days } день
    [few] { $days } дня
    [many] { $days } дней
   *[other] { $days } дня
}
countdown-until = до срока:
countdown-warn-60 = Осталось менее 60 дней.
countdown-warn-30 = Осталось менее 30 дней: спланируйте оставшиеся шаги уже сейчас.
countdown-warn-7 = Осталось меньше недели!
sunset-warning = Если до { $date } не будет подписан ни один договор и не будет произведён ни один платёж, финансовое соглашение автоматически прекратит действие (TL-09).
amendments-title = Изменения
amendments-none = Изменений не зарегистрировано.
amendment-new = Зарегистрировать изменение
amendment-intro = Срок программы меняется только на основании подписанного дополнительного соглашения. Зарегистрируйте его здесь: прежняя и новая даты останутся видны, а изменение будет записано в журнал аудита.
amendment-date = Изменяемый срок
amendment-currently = сейчас: { $date }
amendment-new-date = Новая дата
amendment-effective-on = Вступает в силу
amendment-effective-hint = Не ранее чем через 3 месяца от сегодняшнего дня (TL-06). Продление необходимо запросить не позднее чем за 3 месяца до окончания этапа.
amendment-effective = вступает в силу { $date }
amendment-addendum = Номер подписанного дополнительного соглашения
amendment-reason = Причина
amendment-change = Изменение
amendment-recorded = Кем зарегистрировано
amendment-record = Зарегистрировать изменение
amendable-call_launch_deadline = Последний день для публикации конкурсов (TL-01)
amendable-operational_end = Окончание этапа оперативной реализации (TL-03)
amendable-execution_end = Окончание периода исполнения (TL-04)

## Calls
calls-title = Конкурсы заявок
calls-intro = Конкурсы заявок программы ЕС–Казахстан «Поддержка местного развития». Сроки подачи — это точные моменты времени по времени Алматы; заявка, поданная после окончания срока, не принимается.
calls-group-open = Открыты сейчас
calls-group-upcoming = Предстоящие
calls-group-closed = Завершённые
calls-group-cancelled = Отменённые
calls-none-open = Сейчас нет открытых конкурсов.
calls-none-upcoming = Предстоящих конкурсов нет.
calls-none-closed = Нет.
calls-none-cancelled = Нет.
manage-calls-title = Управление конкурсами
call-new = Новый конкурс заявок
call-form-title = Конкурс заявок
call-edit = Изменить конкурс
call-reference = Номер
call-reference-hint = Например, EuropeAid/150123/L/ACT/KZ.
call-title = Название
call-description = Описание
call-type = Тип конкурса
call-type-restricted = Ограниченный конкурс
call-type-open = Открытый конкурс
call-type-restricted-help = сначала концептуальные записки; полные заявки — по приглашению
call-type-open-help = концептуальная записка и полная заявка подаются вместе
call-opens = Начало приёма заявок
call-opens-hint = 24-часовое время, Алматы: например, 2027-01-21 09:00. Оставьте пустым, чтобы открыть при публикации.
call-opens-at-publication = с момента публикации
call-deadline = Срок подачи
call-deadline-concept = Срок подачи концептуальных записок
call-deadline-hint = Точный момент, 24-часовое время, Алматы: например, 2027-01-21 18:00. Ограниченные конкурсы: не менее 45 дней после открытия; открытые: 90 дней (60, если каждый грант не превышает 100 000 EUR).
call-time-left = Осталось времени
call-total-envelope = Ориентировочная сумма
call-programme = Программа
call-lots = Лоты
call-guidelines = Руководство для заявителей
call-no-documents = Документов пока нет.
call-clarifications = Вопросы и ответы
call-clarification-dates = Вопросы принимаются до { $cutoff }; ответы публикуются не позднее { $answers }.
call-no-clarifications = Ответы пока не опубликованы.
call-no-questions = Вопросов пока не задано.
call-questions-until = Приём вопросов до
call-answers-by = Публикация ответов не позднее
call-published-at = Дата публикации
call-public-page = Публичная страница
call-staff-view = Служебная страница
call-cancelled-on = Отменён { $when }:
call-status-draft = Черновик
call-status-published = Опубликован
call-status-cancelled = Отменён
phase-open = Открыт
phase-upcoming = Предстоит
phase-closed = Завершён
phase-cancelled = Отменён
lot-label = Лот { $number }
lot-envelope = Финансовый пакет
lot-envelope-eur = Финансовый пакет (EUR)
lot-grant = Размер гранта
lot-share = Доля ЕС в приемлемых расходах
lot-duration = Продолжительность
lot-applicants = Кто может подавать заявки
lot-locations = Место реализации
lot-add = Добавить лот
lots-none = Лотов пока нет.
lot-form-title = Лот
lot-number = Номер лота
lot-title = Название
lot-min-grant = Минимальный размер гранта (EUR)
lot-max-grant = Максимальный размер гранта (EUR)
lot-min-share = Минимальная доля ЕС (%)
lot-max-share = Максимальная доля ЕС (%)
lot-max-share-hint = Не более 90%: заявители обеспечивают софинансирование в размере не менее 10%.
lot-min-duration = Минимальная продолжительность (месяцев)
lot-max-duration = Максимальная продолжительность (месяцев)
lot-max-duration-hint = Не более 48 месяцев.
applicant-type-ngo = Неправительственные организации
applicant-type-local_authority = Местные исполнительные органы (акиматы)
applicant-type-research_institute = Научно-исследовательские институты
applicant-type-international_organisation = Международные организации
applicant-type-other = Другие организации
location-mangystau = Мангистауская область
location-kyzylorda = Кызылординская область
location-east_kazakhstan = Восточно-Казахстанская область
location-national = Национальный уровень
doc-authentic = аутентичный текст
doc-for-information = для сведения
doc-title = Название документа
doc-file = Файл
doc-file-hint = PDF, Word (.docx) или OpenDocument (.odt), не более { $mb } МБ.
doc-upload = Загрузить
grids-title = Оценочные таблицы
grids-help = По одной строке на каждый раздел ("1 Актуальность проекта") и на каждый подкритерий ("1.1 Соответствие целям конкурса | x2"). Подкритерии оцениваются от 1 до 5; "| x2" означает, что балл подкритерия учитывается дважды; "| carried over" отмечает раздел, балл которого переносится из концептуальной записки.
grid-concept = Концептуальная записка
grid-full = Полная заявка
grid-max = максимальный балл: { $max }
grid-carried-over = перенесено из концептуальной записки
params-title = Правила этого конкурса
params-hint = Значения по умолчанию взяты из правил программы; меняйте их, только если в руководстве для заявителей указано иное.
param-restricted-min-days = Ограниченный конкурс: дней от начала приёма до срока подачи
param-open-min-days = Открытый конкурс: дней от начала приёма до срока подачи (обычные / малые гранты)
param-open-min-days-plain = Открытый конкурс: дней от начала приёма до срока подачи
param-open-small-min-days = Открытый конкурс только с малыми грантами: дней
param-small-grant-max = Верхний предел малого гранта (EUR)
param-invitation-min-days = Дней от приглашения до срока подачи полной заявки
param-clarification-days = Вопросы / ответы: дней до срока подачи
param-question-cutoff = Вопросы принимаются не позднее чем за указанное число дней до срока подачи
param-answer-deadline = Ответы публикуются не позднее чем за указанное число дней до срока подачи
param-concept-pass = Проходной балл концептуальной записки
param-shortlist = Предварительный список — до (% финансового пакета)
param-assessors = Число экспертов-оценщиков на одну заявку
param-divergence = Порог расхождения оценок (полная заявка / концептуальная записка)
param-divergence-full = Порог расхождения оценок, полная заявка (баллы)
param-divergence-concept = Порог расхождения оценок, концептуальная записка (баллы)
param-capacity = Минимальный балл за потенциал (раздел 1)
param-capacity-one = Оценка 1 по подкритерию потенциала означает отклонение заявки
param-tolerance = Полная заявка: вклад ЕС в пределах ± % от суммы в концептуальной записке
param-max-applications = Заявок от одной организации (пусто — без ограничений)
param-selection = Отбор, когда финансовый пакет исчерпан
selection-strict = остальные заявки попадают в резервный список
selection-fill = переходить к меньшим заявкам, которые укладываются в остаток
publish-title = Публикация
publish-ready = Всё в порядке: конкурс можно опубликовать.
publish-problems-intro = { $count ->
    [one] Перед публикацией необходимо устранить { $count } проблему:
    [few] Перед публикацией необходимо устранить { $count } проблемы:
    [many] Перед публикацией необходимо устранить { $count } проблем:
   *[other] Перед публикацией необходимо устранить { $count } проблемы:
}
publish-button = Опубликовать конкурс
publish-problem-not-draft = Опубликовать можно только черновик.
publish-problem-identity = У конкурса должны быть номер и название.
publish-problem-launch-deadline = Конкурсы должны быть опубликованы не позднее { $date }; эта дата уже прошла. Чтобы перенести её, зарегистрируйте изменение программы.
publish-problem-no-deadline = Укажите срок подачи.
publish-problem-submission-period = Срок подачи должен наступать не менее чем через { $days } дн. после начала приёма: не ранее { $earliest }.
publish-problem-after-contracting = Срок подачи приходится на дату после последнего дня для подписания договоров, { $date }.
publish-problem-no-lots = В конкурсе должен быть хотя бы один лот.
publish-problem-lot-incomplete = Лот { $number } заполнен не полностью или содержит противоречия: откройте его, чтобы увидеть, чего не хватает.
publish-problem-lot-numbers = У двух лотов одинаковый номер.
publish-problem-grid = Оценочная таблица ({ $grid }) заполнена не полностью.
publish-problem-threshold-over-max = Проходной балл концептуальной записки выше максимального балла по оценочной таблице.
publish-problem-parameters-positive = Сроки, число экспертов-оценщиков и процент для предварительного списка должны быть положительными.
publish-problem-clarification-days = Приём вопросов должен завершаться раньше срока публикации ответов (за большее число дней до срока подачи).
publish-problem-tolerance = Допустимое отклонение должно быть от 0 до 100%.
publish-problem-max-applications = Предельное число заявок должно быть не меньше 1, либо поле должно оставаться пустым.
publish-problem-selection-mode = Выберите, как продолжается отбор, когда финансовый пакет исчерпан.
publish-problem-guidelines = Загрузите руководство на английском языке: это аутентичный текст.
publish-problem-over-budget = Этому конкурсу нужно { $needed }, но из грантового бюджета программы { $budget } свободно только { $free } ({ $used } занято другими опубликованными конкурсами).
grid-problem-empty = В таблице нет ни одного раздела.
grid-problem-section = У каждого раздела должны быть название и хотя бы один подкритерий.
grid-problem-weight = Подкритерий учитывается один или два раза, не больше.
grid-problem-criterion = У каждого подкритерия должно быть название.
grid-problem-duplicate-code = У двух строк одинаковый номер.
grid-parse-no-title = Строка { $line }: укажите номер, а затем название.
grid-parse-bad-code = Строка { $line }: номер должен иметь вид 1 или 1.1.
grid-parse-bad-flag = Строка { $line }: после "|" допускается только "x2" (для подкритериев) или "carried over" (для разделов).
grid-parse-no-section = Строка { $line }: перед подкритерием должна быть строка раздела.
grid-parse-wrong-section = Строка { $line }: номер подкритерия не относится к разделу над ним.
cancel-call = Отменить конкурс
cancel-intro = Отмена окончательна. Всем, кто подписан на конкурс (а также каждому заявителю, начавшему заполнять заявку), будет отправлено письмо с указанием причины.
cancel-reason = Причина
cancel-reason-no_worthy_proposal = Нет заявок, заслуживающих отбора
cancel-reason-changed_circumstances = Изменились обстоятельства
cancel-reason-force_majeure = Форс-мажор
cancel-reason-irregularities = Нарушения в ходе процедуры
cancel-explanation = Пояснение, публикуемое вместе с отменой
cancel-confirm = Отменить конкурс
unanswered-questions = Вопросы без ответа
answers-due = срок ответа: { $when }
unanswered-warning = { $count ->
    [one] { $count } вопрос ожидает ответа;
    [few] { $count } вопроса ожидают ответа;
    [many] { $count } вопросов ожидают ответа;
   *[other] { $count } вопроса ожидают ответа;
} ответы должны быть опубликованы не позднее { $when } (CFP-03).
answers-all-in-time = Все ответы опубликованы вовремя.
answers-late = { $count ->
    [one] { $count } ответ опубликован с опозданием.
    [few] { $count } ответа опубликованы с опозданием.
    [many] { $count } ответов опубликованы с опозданием.
   *[other] { $count } ответа опубликованы с опозданием.
}
qa-question = Вопрос
qa-answer = Ответ
qa-asked = Задан { $when }, автор: { $who }
qa-published = Опубликован { $when }
qa-in-time = вовремя
qa-late = с опозданием
qa-unanswered = Ответа пока нет
qa-your-answer = Ответ
qa-answer-hint = Ответ сразу публикуется на странице конкурса без имени автора вопроса, а всем подписанным на конкурс отправляется письмо. Разъясняйте положения руководства; не высказывайте мнения о том, соответствует ли критериям отдельный заявитель.
qa-publish = Опубликовать ответ
ask-title = Задать вопрос
ask-help = Вопросы и ответы публикуются для всех без указания вашего имени.
ask-label = Ваш вопрос
ask-submit = Отправить вопрос
ask-closed = Вопросы больше не принимаются: крайний срок был { $cutoff }.
ask-login = Войдите, чтобы задать вопрос
ask-applicants-only = Задавать вопросы могут только заявители.
follow-title = Подписка на конкурс
follow-text = Получайте письмо, когда публикуется ответ или в конкурсе что-то меняется.
follow-on = Вы подписаны на этот конкурс: вы получите письмо, когда будет опубликован ответ или в конкурсе что-то изменится.
follow-start = Подписаться
follow-stop = Отписаться

## Messages (calls)
flash-programme-saved = Программа сохранена.
flash-amendment-recorded = Изменение зарегистрировано.
flash-call-created = Черновик конкурса создан с двумя лотами программы и оценочными таблицами по умолчанию.
flash-call-saved = Конкурс сохранён.
flash-call-published = Конкурс опубликован.
flash-call-not-published = Конкурс не опубликован: необходимо устранить проблемы ({ $count }), они перечислены в разделе «Публикация».
flash-call-cancelled = Конкурс отменён; подписчикам отправляются уведомления.
flash-lot-saved = Лот сохранён.
flash-lot-deleted = Лот удалён.
flash-grids-saved = Оценочные таблицы сохранены.
flash-document-added = Документ загружен.
flash-document-removed = Документ удалён.
flash-question-sent = Ваш вопрос отправлен. Ответ будет опубликован на этой странице.
flash-answer-published = Ответ опубликован; подписчикам отправляются письма.
flash-following = Вы подписались на этот конкурс.
flash-unfollowed = Вы отписались от этого конкурса.

## Errors (calls)
error-date-invalid = Введите дату в формате YYYY-MM-DD.
error-datetime-invalid = Введите дату и время.
error-amount-invalid = Введите сумму в евро, например 2 100 000 или 2100000,50.
error-amount-positive = Сумма должна быть больше нуля.
error-number-invalid = Введите целое число.
error-percent-invalid = Введите процент от 0 до 100.
error-text-too-long = Текст слишком длинный.
error-reference-taken = Этот номер уже используется.
error-line-format = В каждой строке должны быть название (одна строка текста, не более 200 символов) и сумма.
error-line-amount = В одной из строк сумма не является числом в евро.
error-lines-over-total = Сумма статей бюджета превышает общий бюджет.
error-envelopes-over-total = Сумма финансовых пакетов превышает общий бюджет.
error-envelopes-required = В программе должен быть хотя бы один финансовый пакет для грантов.
error-envelopes-below-calls = Пакет станет меньше того, что опубликованные конкурсы уже из него используют.
error-amendment-notice = Изменение вступает в силу не ранее чем через 3 месяца после того, как оно предложено (TL-06).
error-amendment-extension-late = Продление необходимо запросить не позднее чем за 3 месяца до окончания этапа (TL-06).
error-amendment-not-extension = Эту дату можно перенести только на более поздний срок.
error-amendment-unchanged = Новая дата совпадает с текущей.
error-amendment-order = Нарушился бы порядок сроков программы.
error-deadline-before-opening = Срок подачи должен наступать после начала приёма.
error-call-not-draft = Опубликованный или отменённый конкурс изменить нельзя.
error-call-not-published = Конкурс не опубликован.
error-call-cancelled = Конкурс отменён.
error-cancel-reason = Выберите причину.
error-questions-closed = Приём вопросов по этому конкурсу завершён (CFP-03).
error-already-answered = На этот вопрос уже дан ответ.
error-lot-number = Номер лота должен быть не меньше 1.
error-lot-number-taken = Этот номер уже присвоен другому лоту.
error-lot-envelope = Финансовый пакет должен быть больше нуля.
error-lot-grant-range = Минимальный размер гранта должен быть больше нуля и не больше максимального.
error-lot-max-over-envelope = Максимальный размер гранта не может превышать финансовый пакет лота.
error-lot-share-range = Минимальная доля ЕС должна быть больше нуля и не больше максимальной.
error-lot-share-over-90 = Доля ЕС составляет не более 90%: заявители обеспечивают софинансирование в размере не менее 10% (CFP-05).
error-lot-duration-range = Минимальная продолжительность должна быть не менее 1 месяца и не больше максимальной.
error-lot-duration-over-48 = Договоры о предоставлении гранта заключаются на срок не более 48 месяцев.
error-lot-applicant-types = Выберите, кто может подавать заявки.
error-lot-locations = Выберите, где реализуются проекты.
error-upload-empty = Файл пуст.
error-upload-too-large = Файл слишком большой.
error-upload-name = Имя файла должно содержать ровно одно расширение (например, guidelines.pdf).
error-upload-type = Принимаются только файлы PDF, Word (.docx) и OpenDocument (.odt), причём расширение должно соответствовать содержимому.
error-upload-missing = Выберите язык и файл.

## Emails (calls)
email-call-cancelled-subject = Конкурс отменён: { $call }
email-call-cancelled-body = Конкурс заявок { $call } отменён.

    Причина: { $reason }
    { $explanation }

    Подробнее: { $link }
email-clarification-published-subject = Опубликован новый ответ: { $call }
email-clarification-published-body = Опубликован новый ответ на вопрос по конкурсу заявок { $call }:

    { $link }
email-clarifications-due-subject = Вопросы ждут ответа: { $call }
email-clarifications-due-body = По конкурсу заявок { $call } остаются без ответа { $count ->
    [one] { $count } вопрос
    [few] { $count } вопроса
    [many] { $count } вопросов
   *[other] { $count } вопроса
}. Ответы должны быть опубликованы до { $when } (время Алматы, CFP-03):

    { $link }
publish-problem-parameters-range = Одно из правил конкурса вне допустимых пределов: сроки — до 3 650 дней, прочие числа — до 10 000.
lot-programme-envelope = Финансовый пакет программы, из которого финансируется лот
publish-problem-lot-envelope = Для лота { $number } не указан финансовый пакет программы.
publish-problem-envelope-over = Лотам этого конкурса из пакета «{ $envelope_name }» нужно { $needed }, но из его { $envelope } свободно только { $free } ({ $used } занято другими опубликованными конкурсами). Уменьшите суммы лотов.
account-email = Адрес электронной почты
account-email-text = Чтобы использовать другой адрес, подтвердите его паролем; мы отправим ссылку на новый адрес, и изменение вступит в силу, когда вы её откроете.
account-change-email = Изменить адрес электронной почты
field-new-email = Новый адрес электронной почты
confirm-change-intro = Нажмите кнопку, чтобы подтвердить новый адрес электронной почты. С этого момента вы будете входить с ним.
flash-email-change-sent = Мы отправили ссылку для подтверждения на адрес { $email }. Адрес изменится, когда вы её откроете.
flash-email-changed = Ваш адрес электронной почты изменён.
error-email-unchanged = Это уже ваш адрес электронной почты.
email-confirm-email-change-subject = Подтвердите новый адрес электронной почты
email-confirm-email-change-body = Вы попросили изменить адрес электронной почты вашей учётной записи на портале грантов KAZLOD с { $old_email } на этот адрес. Подтвердите его по ссылке (действительна { $hours } ч):

    { $link }

    Если вы этого не запрашивали, просто проигнорируйте это письмо.
email-email-changed-subject = Ваш адрес электронной почты изменён
email-email-changed-body = Адрес электронной почты вашей учётной записи на портале грантов KAZLOD изменён на { $new_email }. Если это сделали не вы, немедленно свяжитесь с администратором портала.
money-rows-hint = По одной строке на статью: название и сумма в EUR. Чтобы удалить строку, очистите оба её поля; удалённые статьи сохраняются в записях.
money-row-label = Название
money-row-amount = Сумма (EUR)
flash-call-published-warnings = Опубликовано; прочитайте предупреждения ({ $count }) в разделе «Публикация».
publish-problem-opens-after-launch-deadline = Конкурс должен открыться не позднее { $date }: укажите более раннюю дату открытия или зарегистрируйте изменение программы.
publish-warning-duration-after-operational-end = Лот { $number }: мероприятие продолжительностью { $months } мес., начатое в самый ранний возможный день ({ $start }), закончится после операционного этапа ({ $end }). Помещается не более { $possible } мес.
publish-problem-tie-break = Порядок при равенстве баллов должен называть разделы актуальности и/или потенциала, каждый по одному разу.
grid-problem-too-large = Шкала слишком большая: не более 20 разделов по 30 подкритериев.
grid-problem-no-relevance = Отметьте ровно один раздел как раздел актуальности («| relevance»).
grid-problem-carried-in-concept = В шкале концептуальной записки не может быть переносимого раздела.
grid-problem-carried-over = В шкале полной заявки должен быть ровно один переносимый раздел — раздел актуальности («| relevance, carried over», GRD-04).
grid-problem-carried-max = Максимальный балл переносимого раздела актуальности должен совпадать с разделом актуальности концептуальной записки.
grid-problem-no-capacity = Отметьте ровно один раздел шкалы полной заявки как раздел потенциала («| capacity»).
grid-problem-capacity-threshold = Пороговый балл потенциала (GRD-05) выше, чем может дать раздел потенциала.
error-already-exists = Это уже существует: возможно, кто-то только что это создал. Обновите страницу и проверьте.
error-amendment-after-phase-end = Продление должно вступить в силу до окончания продлеваемого этапа.
error-amendment-closure-short = Этап закрытия должен длиться не менее 24 месяцев после операционного этапа (TL-04).
error-amendment-conflicts-pending = Это изменение противоречит уже зарегистрированному изменению, которое вступает в силу позже.
error-amendment-out-of-range = Дата вне горизонта программы (после D и не более чем через 15 лет).
error-control-characters = В этом поле есть символы, которые нельзя сохранить (управляющие символы). Удалите их и повторите попытку.
error-date-out-of-range = Введите дату между 2000 и 2100 годами.
error-d-after-publication = D больше нельзя исправить: конкурс этой программы опубликован. Теперь сроки меняются только посредством изменений.
error-d-breaks-amendments = При такой D одно из зарегистрированных изменений перестанет действовать. Сначала проверьте изменения.
error-envelope-in-use = Пакет, из которого финансируются опубликованные конкурсы, нельзя удалить.
error-envelope-unknown = Один из пакетов в форме не относится к этой программе. Обновите страницу и повторите попытку.
error-lot-envelope-unknown = Выберите один из финансовых пакетов этой программы.
error-too-many-open-questions = У вас 10 вопросов по этому конкурсу, ожидающих ответа. Дождитесь ответов, прежде чем задавать новые.
d-correction-new = Исправить дату вступления в силу
d-correction-intro = Дата вступления в силу D зарегистрирована как { $date }. Пока ни один конкурс программы не опубликован, ошибочную D можно исправить; исправление регистрируется с причиной, и все сроки, рассчитанные от D, сдвигаются вместе с ней.
d-correction-submit = Зарегистрировать исправление
d-correction-label = исправлено до какой-либо публикации
flash-d-corrected = Дата вступления в силу исправлена; все рассчитанные сроки сдвинулись вместе с ней.
param-tie-break = При равенстве баллов (GRD-06)
param-tie-break-hint = Если у двух заявок одинаковый итоговый балл, выше ставится заявка с более высоким баллом по этим разделам.
tie-break-relevance-capacity = актуальность, затем потенциал
tie-break-capacity-relevance = потенциал, затем актуальность
tie-break-relevance = только актуальность
tie-break-capacity = только потенциал
publish-warnings-intro = Предупреждения (они не препятствуют публикации):
email-greeting-plain = Здравствуйте,
email-address-taken-subject = Кто-то попытался использовать ваш адрес электронной почты
email-address-taken-body = Пользователь портала грантов KAZLOD запросил замену адреса электронной почты своей учётной записи на этот адрес, который уже принадлежит вашей учётной записи. Ничего не изменено. Если это были вы, у вас здесь уже есть учётная запись:

    { $login_link }

    Если нет, просто не обращайте внимания на это письмо.
error-current-password-throttled = Слишком много неверных паролей. Подождите несколько минут или выйдите и восстановите пароль.
error-email-change-throttled = За последний час было слишком много запросов на смену адреса. Повторите попытку позже.
error-email-change-unavailable = Этот адрес электронной почты больше нельзя использовать. Запросите замену с другим адресом.
error-role-unconfirmed = Эта учётная запись не подтвердила адрес электронной почты, поэтому ей нельзя назначить роль. Вместо этого пригласите человека: приглашение заменит неподтверждённую учётную запись.
error-second-factor-enrol-first = Учётные записи сотрудников должны сначала настроить двухфакторный вход (на странице учётной записи).
error-second-factor-enrolled = Двухфакторный вход уже настроен.
error-second-factor-no-enrolment = Начните настройку двухфакторного входа заново.
error-second-factor-none = У этого человека нет второго фактора для сброса.
error-second-factor-required = Введите код из приложения-аутентификатора (или код восстановления).
error-second-factor-staff = Учётные записи сотрудников сохраняют двухфакторный вход; администратор может его сбросить.
error-second-factor-throttled = Слишком много неверных кодов. Подождите несколько минут, прежде чем повторить попытку.
error-second-factor-wrong = Код неверен или уже был использован. Введите текущий код из приложения.
error-token-days = Токен действует от 1 до 365 дней.
flash-second-factor-off = Двухфакторный вход отключён. Другие ваши сеансы и API-токены завершены.
flash-second-factor-reset = Второй фактор сброшен. Человек настроит его заново при следующем входе.
flash-sign-in-again = Пожалуйста, войдите снова.
token-days-hint = Токен перестанет действовать через указанное число дней (не более { $max }).
token-expired = истёк
token-expires = Действует до
field-token-days = Срок действия (дней)
field-second-factor-code = Код из приложения-аутентификатора
second-factor-code-hint = Шесть цифр или один из ваших кодов восстановления.
second-factor-title = Двухфакторный вход
second-factor-sign-in = Введите код для входа
second-factor-sign-in-text = Откройте приложение-аутентификатор на телефоне и введите шестизначный код, показанный для портала грантов KAZLOD.
second-factor-continue = Войти
second-factor-lost = Потеряли телефон? Используйте один из кодов восстановления или попросите администратора сбросить второй фактор.
second-factor-on = Двухфакторный вход включён. Осталось кодов восстановления: { $count }.
second-factor-off = Двухфакторный вход выключен.
second-factor-manage = Двухфакторный вход
second-factor-required = Сотрудники входят со вторым фактором. Настройте его сейчас, чтобы продолжить.
second-factor-enrol = Настройка двухфакторного входа
second-factor-step-app = Установите на телефон приложение-аутентификатор (например, FreeOTP, Aegis или Google Authenticator).
second-factor-step-scan = Отсканируйте этот QR-код приложением.
second-factor-qr-alt = QR-код для приложения-аутентификатора
second-factor-step-type = Если отсканировать не получается, добавьте вручную учётную запись { $issuer } с этим ключом:
second-factor-step-code = Введите шестизначный код, который сейчас показывает приложение.
second-factor-confirm = Включить двухфакторный вход
second-factor-enrolled = Двухфакторный вход включён. Другие ваши сеансы и API-токены завершены.
second-factor-status = Состояние
second-factor-turn-off = Выключить двухфакторный вход
second-factor-staff-keeps = Учётные записи сотрудников сохраняют двухфакторный вход. Если вы потеряете телефон, используйте код восстановления или обратитесь к администратору.
second-factor-reset-text = Если человек потерял телефон и коды восстановления, сбросьте второй фактор: его сеансы и API-токены завершатся, и он настроит фактор заново при следующем входе.
second-factor-reset = Сбросить второй фактор
recovery-codes-title = Ваши коды восстановления
recovery-codes-text = Каждый код позволяет один раз войти, если телефон недоступен. Храните их в надёжном месте отдельно от телефона: они показываются только сейчас.
recovery-codes-done = Я их сохранил(а)
recovery-codes-new = Новые коды восстановления
error-fields = Поле:
questions-unanswered = Ожидают ответа
questions-all = Все вопросы
doc-version = версия { $version }
doc-frozen = зафиксирован
error-attachment-frozen = Этот документ зафиксирован (аутентичный текст опубликованного конкурса или поданный файл): его нельзя ни заменить, ни удалить.
error-title-prefix = Ошибка:
error-summary-title = Есть проблема
ask-not-sent = Ваш вопрос не отправлен; вот его текст, чтобы не потерять:
countdown-today = Срок — сегодня
countdown-warn-today = Срок истекает сегодня: всё, что не сделано до конца дня, будет просрочено.
nav-review-calls = Конкурсы (все записи)
account-previous-login = Предыдущий вход
account-first-login = Это ваш первый вход.
account-previous-login-hint = Это были не вы? Смените пароль и выйдите на всех устройствах.
account-tokens-advanced = Дополнительно: доступ к API для ваших программ
invitation-title = Приглашение
invitation-pending-text = Этот человек ещё не принял приглашение. Если письмо потерялось или срок ссылки истёк, отправьте новое: прежняя ссылка перестанет работать.
invitation-resend = Отправить приглашение ещё раз
flash-invitation-resent = Новое приглашение отправляется; прежняя ссылка больше не действует.
error-invitation-accepted = Это приглашение уже принято.
error-invitation-disabled = Учётная запись отключена: включите её, прежде чем приглашать снова.
table-region = Таблица (на узком экране прокручивается вбок)
confirm-back = Вернуться, ничего не меняя
confirm-cancel = Нет, вернуться
confirm-what-happens = Что произойдёт
confirm-preview = Как это будет опубликовано
publish-confirm-title = Опубликовать конкурс?
publish-confirm-intro = Вы собираетесь опубликовать конкурс { $reference }.
publish-opens-now = сразу
publish-effect-public = Конкурс, его лоты и руководство станут публичными { $when }; любой сможет их прочитать и подать заявку.
publish-effect-frozen = Руководство на английском языке закрепляется как аутентичный текст. Лоты, правила и оценочные таблицы больше нельзя изменить; конкурс можно только отменить.
publish-effect-questions = Заявители могут задавать вопросы до { $cutoff }; ответы должны быть опубликованы до { $answers }; срок подачи — { $deadline } (время Алматы).
lot-delete-title = Удалить этот лот?
lot-delete-intro = Вы собираетесь удалить из черновика лот { $number } «{ $title }» ({ $amount }).
lot-delete-effect = Лот и его условия будут удалены из конкурса; удаление сохранится в журнале аудита. При необходимости добавьте лот снова.
lot-delete-button = Удалить лот
qa-review = Проверить ответ
answer-confirm-title = Опубликовать этот ответ?
answer-confirm-intro = Проверьте ответ ниже: после публикации он становится частью конкурса.
answer-effect-public = Вопрос и этот ответ появятся на публичной странице конкурса для всех, без имени автора вопроса.
answer-effect-mail = Автору вопроса и всем, кто следит за конкурсом, придёт письмо.
answer-effect-final = Опубликованный ответ нельзя изменить или отозвать; для исправления нужен другой ответ или корригендум.
role-admin-confirm-title = Сделать этого человека администратором?
role-admin-confirm-intro = Вы собираетесь назначить роль администратора пользователю { $name } ({ $email }).
role-admin-effect-rights = Администраторы управляют всеми учётными записями и ролями, видят очередь писем и читают весь журнал аудита.
role-admin-effect-sessions = Пользователь выйдет на всех устройствах и должен войти снова, со вторым фактором.
role-admin-confirm-button = Сделать администратором
user-disable-confirm-title = Отключить эту учётную запись?
user-disable-confirm-intro = Вы собираетесь отключить учётную запись { $name } ({ $email }).
user-disable-effect-sessions = Пользователь сразу выйдет из системы, его токены API перестанут работать, и он не сможет войти.
user-disable-effect-undo = Ничего не удаляется: учётную запись можно снова включить на этой странице.
call-delete-title = Удалить этот черновик?
call-delete-intro = Вы собираетесь удалить черновик конкурса { $reference } «{ $title }».
call-delete-effect-content = Его лоты ({ $lots }) будут удалены, документы ({ $documents }) — изъяты. Ничего из этого не публиковалось.
call-delete-effect-audit = Журнал аудита сохранит, каким был черновик и кто его удалил.
call-delete-button = Удалить черновик
flash-call-deleted = Черновик конкурса удалён.
error-cancel-only-published = Отменить можно только опубликованный конкурс; черновик можно удалить.
fix-edit-call = Изменить в конкурсе
fix-edit-lot = Открыть лот
fix-lots = К лотам
fix-add-lot = Добавить лот
fix-grids = Изменить шкалы
fix-documents = К документам
fix-amendment = Зарегистрировать изменение
rule-ref = правило
instant-long = { $date }, { $time } по времени Алматы
instant-said-back = То есть { $when }.
translations-title = Тексты на казахском и русском
translations-intro = Аутентичный текст конкурса — английский (CFP-08). Версии на казахском и русском — для информации: читатели видят их на своём языке, а там, где версия пуста, — английский текст.
translations-published-hint = Конкурс опубликован: эти версии ещё можно добавлять и исправлять. Английский текст меняется только исправлением (corrigendum).
translations-hint = Версии на казахском и русском — для информации и необязательны; где они пусты, читатели этих языков видят английский текст.
flash-translations-saved = Тексты на казахском и русском сохранены.
translations-status = { $language }: переведено { $done } из { $total } текстов
translations-edit = Изменить тексты на казахском и русском
home-no-programme = Программа ещё не создана.
change-deadline = Срок подачи продлён с { $before } до { $after }; сроки вопросов и ответов сдвигаются вместе с ним.
change-description = Описание ({ $language }) исправлено.
change-lot-title = Лот { $lot }: название ({ $language }) теперь «{ $after }» (было «{ $before }»).
change-lot-envelope = Лот { $lot }: сумма увеличена с { $before } до { $after }.
change-documents = С этим исправлением публикуются документы.
email-call-corrected-subject = Исправление { $number } к конкурсу { $call }
email-call-corrected-body = Опубликовано исправление { $number } (corrigendum) к конкурсу грантов { $call }.
    
    Что изменилось:
    { $changes }
    
    Причина: { $reason }
    
    Конкурс с исправлениями и его прежняя версия: { $link }
corrigenda-title = Исправления (corrigenda)
corrigenda-none = Исправлений не публиковалось.
corrigendum-new = Опубликовать исправление…
corrigendum-heading = Исправление { $number } от { $when }
corrigendum-reason = Причина
corrigendum-earlier-link = Конкурс в редакции до исправления { $number }
corrigendum-document-file = Документ исправления { $number } (PDF, Word или OpenDocument)
corrigendum-form-title = Исправление { $number }
corrigendum-form-intro = Исправление вносит поправки в опубликованный конкурс: продлевает срок подачи (никогда не сокращает), исправляет описание или название лота, увеличивает сумму лота в пределах конверта или публикует документы. Всё ниже заполнено так, как конкурс выглядит сейчас; меняйте только то, что меняет исправление. Перед публикацией вы увидите, что изменится.
corrigendum-why = Что говорит исправление
corrigendum-reason-hint = Почему конкурс исправляется, по-английски (аутентичный текст); публикуется вместе с исправлением и рассылается подписчикам конкурса.
corrigendum-deadline-now = Текущий срок: { $when }.
corrigendum-new-deadline = Срок подачи (время Алматы, 24 часа, ГГГГ-ММ-ДД ЧЧ:ММ)
corrigendum-deadline-hint = Позже текущего срока или без изменений. Сроки вопросов и ответов (CFP-03) сдвигаются вместе с ним.
corrigendum-lots-hint = Сумму лота можно только увеличить, в пределах свободного остатка конверта программы.
corrigendum-envelope-hint = В евро; только большая сумма.
corrigendum-documents = Документы
corrigendum-adds-documents = Это исправление публикует документы (само исправление на английском, на казахском и русском — для информации): их добавляют на странице конкурса после публикации.
corrigendum-preview-button = Проверить и посмотреть…
corrigendum-problems-intro = { $count ->
    [one] Исправлению мешает { $count } проблема:
    [few] Исправлению мешают { $count } проблемы:
   *[other] Исправлению мешают { $count } проблем:
    }
corrigendum-confirm-title = Опубликовать исправление { $number }?
corrigendum-confirm-intro = Вы публикуете исправление к конкурсу { $reference }. Оно изменит:
corrigendum-effect-public = Исправление показывается на открытой странице конкурса с датой и причиной; прежняя редакция остаётся доступной.
corrigendum-effect-followers = Всем подписчикам конкурса отправляется письмо.
corrigendum-effect-documents = Затем добавьте документы исправления на странице конкурса.
corrigendum-publish-button = Опубликовать исправление
flash-corrigendum-published = Исправление { $number } опубликовано, подписчикам конкурса отправляются письма.
error-corrigendum-only-published = Исправлением меняется только опубликованный конкурс; черновик просто редактируется.
corrigendum-problem-not-published = Исправить можно только опубликованный конкурс.
corrigendum-problem-call-closed = Срок подачи этого конкурса истёк ({ $deadline }): исправление публикуется только до срока.
corrigendum-problem-deadline-earlier = Новый срок не может быть раньше текущего ({ $deadline }): срок продлевают, но не сокращают.
corrigendum-problem-envelope-lower = Лот { $number }: сумму можно только увеличить (сейчас { $amount }).
corrigendum-problem-unknown-lot = В конкурсе нет лота { $number }.
corrigendum-problem-nothing = Ничего не изменится: укажите более поздний срок, исправленный текст, большую сумму лота или отметьте, что исправление публикует документы.
earlier-title = До исправления { $number }
earlier-intro = Это конкурс в редакции до исправления { $number } от { $when }.
earlier-current = Посмотреть текущую редакцию конкурса.
error-corrigendum-refused = Исправление нельзя опубликовать: см. каждую проблему.
event-api-token-created = Создан токен API
event-api-token-revoked = Токен API отозван
event-call-cancelled = Конкурс отменён
event-call-corrigendum-document-added = Добавлен документ исправления
event-call-corrigendum-published = Опубликовано исправление
event-call-created = Конкурс создан
event-call-document-added = Добавлен документ конкурса
event-call-document-removed = Документ конкурса удалён
event-call-draft-deleted = Черновик конкурса удалён
event-call-followed = Подписка на конкурс
event-call-grids-updated = Изменены оценочные таблицы
event-call-published = Конкурс опубликован
event-call-translations-saved = Сохранены переводы конкурса
event-call-unfollowed = Отписка от конкурса
event-call-updated = Конкурс изменён
event-clarification-asked = Задан вопрос
event-clarification-published = Опубликован ответ
event-clarifications-reminder-sent = Отправлено напоминание о вопросах без ответа
event-lot-created = Лот создан
event-lot-deleted = Лот удалён
event-lot-updated = Лот изменён
event-mail-requeued = Письмо снова поставлено в очередь
event-programme-amended = Записано изменение программы
event-programme-created = Программа создана
event-programme-d-corrected = Исправлена дата вступления в силу
event-programme-updated = Программа изменена
event-user-confirm-email = Адрес почты подтверждён
event-user-created = Учётная запись создана
event-user-current-password-failed = Неверный текущий пароль
event-user-disabled = Учётная запись отключена
event-user-email-change-requested = Запрошена смена почты
event-user-email-changed = Адрес почты изменён
event-user-enabled = Учётная запись включена
event-user-invitation-accepted = Приглашение принято
event-user-invitation-resent = Приглашение отправлено повторно
event-user-invited = Приглашён пользователь
event-user-language-changed = Язык изменён
event-user-login = Вход в систему
event-user-login-failed = Неудачный вход
event-user-logout = Выход из системы
event-user-logout-everywhere = Выход на всех устройствах
event-user-password-accepted = Пароль принят
event-user-password-changed = Пароль изменён
event-user-password-reset = Пароль сброшен
event-user-profile-updated = Профиль изменён
event-user-recovery-codes-replaced = Коды восстановления заменены
event-user-register = Регистрация
event-user-register-existing = Регистрация на занятый адрес
event-user-reset-requested = Запрошен сброс пароля
event-user-reset-requested-disabled = Запрошен сброс пароля отключённой учётной записи
event-user-reset-requested-unknown = Запрошен сброс пароля для неизвестного адреса
event-user-role-changed = Роль изменена
event-user-second-factor-confirmed = Двухэтапная проверка включена
event-user-second-factor-enrolled = Двухэтапная проверка настроена
event-user-second-factor-failed = Неверный код проверки
event-user-second-factor-removed = Двухэтапная проверка отключена
event-user-second-factor-reset = Двухэтапная проверка сброшена администратором
event-user-second-factor-started = Начата настройка двухэтапной проверки
event-user-unconfirmed-expired = Истёк срок неподтверждённой учётной записи
event-user-unconfirmed-taken-over = Неподтверждённая учётная запись зарегистрирована заново
audit-export-csv = Скачать эти события (CSV)
audit-object-any = Любой
audit-actor-hint = Адрес почты или его часть
object-call = Конкурс
object-programme = Программа
object-user = Пользователь
object-lot = Лот
object-clarification = Вопрос
object-api_token = Токен API
object-outbox = Письмо
object-attachment = Документ
audit-showing = Событий: { $count }
call-overview-title = Что нужно сделать сейчас
call-overview-nothing = Сейчас ничего делать не нужно.
on-this-page = На этой странице
todo-answer-questions = Вопросов без ответа: { $count }; ответы нужно опубликовать до { $when }.
todo-ready-to-publish = Конкурс готов к публикации.
todo-publication-problems = Проблем, мешающих публикации: { $count }.
todo-corrigendum-documents = Исправление { $number } публикует документы: добавьте их.
todo-translations = Не хватает текстов: { $languages }.
my-title = Мои конкурсы и вопросы
nav-my = Мои конкурсы
my-followed = Конкурсы, на которые вы подписаны
my-followed-none = Вы пока ни на один конкурс не подписаны. Подпишитесь на странице конкурса, чтобы получать письма об ответах, исправлениях и отмене.
my-questions = Ваши вопросы
my-questions-help = Пока на вопрос нет ответа, его видите только вы и Представительство ЕС. Ответы публикуются для всех, без вашего имени.
my-questions-none = Вы ещё не задавали вопросов.
my-asked-on = задан { $when }
my-answered = Есть ответ
my-read-answer = прочитать ответ
my-cancelled = Конкурс отменён; ответа на вопрос не будет.
my-answers-due = Ответы будут опубликованы до { $when }.
my-pending-title = Ваши вопросы, ожидающие ответа
apply-title = Как подать заявку и что дальше
apply-step-read = Прочитайте руководство (аутентичный текст — английский) и опубликованные ответы. Вопросы принимаются до { $cutoff }; ответы публикуются до { $answers }.
apply-step-concept-note = Отправьте концептуальную записку по одному лоту до { $deadline }, как указано в руководстве. Опоздавшая не принимается, по какой бы причине ни было.
apply-step-open = Отправьте полную заявку (с концептуальной запиской) по одному лоту до { $deadline }, как указано в руководстве. Опоздавшая не принимается, по какой бы причине ни было.
apply-step-invitation = Концептуальные записки оцениваются; отобранные заявители приглашаются подать полную заявку, на что даётся не менее { $days } дней.
apply-step-open-evaluation = Сначала оценивается концептуальная записка, затем полные заявки тех, кто прошёл.
apply-step-award = Полные заявки ранжируются по каждому лоту; Представительство ЕС присуждает гранты в пределах суммы лота, уведомляет каждого заявителя и подписывает договоры о гранте.
apply-follow-hint = Подпишитесь на конкурс, чтобы получать письма об ответах, исправлениях и отмене.
help-title = Помощь и контакты
help-lead = Портал ведёт Представительство ЕС для конкурсов грантов программы «Поддержка местного развития в Республике Казахстан». Ниже — к кому и по каким вопросам обращаться.
help-contact-h = Контакты
help-organisation = Организация
help-phone = Телефон
help-address = Адрес
help-questions-h = Вопросы о конкурсе
help-questions = Вопросы о конкурсе задавайте на его странице, пока вопросы принимаются: ответы публикуются там для всех, чтобы все заявители имели одинаковую информацию (CFP-03). Никто не может заранее высказать мнение о соответствии вашей организации или проекта; значение имеют руководство и опубликованные ответы.
help-account-h = Ваша учётная запись
help-register = Заявители регистрируются один раз — по адресу почты и паролю.
help-forgot = Забыли пароль?
help-forgot-link = Задать новый
help-follow = Подпишитесь на конкурс, чтобы получать письма об ответах, исправлениях и отмене; ваши конкурсы и вопросы — в разделе «Мои конкурсы».
help-languages-h = Языки
help-languages = Портал работает на казахском, русском и английском. Аутентичный текст руководства — английский; версии на казахском и русском — для информации (CFP-08). Если текст ещё не переведён, он показывается на английском.
help-times-h = Даты и время
help-times = Каждый срок — точный момент, показанный по времени Алматы (UTC+5). Подача после него отклоняется сервером, что бы ни показывали часы вашего компьютера.
accessibility-title = Заявление о доступности
a11y-lead = Мы хотим, чтобы порталом могли пользоваться все, в том числе те, кто пользуется только клавиатурой, программой чтения экрана, увеличением или телефоном.
a11y-status-h = Степень соответствия
a11y-status = Портал ориентирован на WCAG 2.1 уровня AA. Он соответствует частично: известные нам исключения перечислены ниже.
a11y-how-h = Чего можно ожидать
a11y-how-keyboard = Все страницы и формы работают только с клавиатуры, с видимым фокусом и ссылкой для перехода к содержимому.
a11y-how-nojs = Всё работает без JavaScript.
a11y-how-zoom = Страницы перестраиваются на телефоне и при увеличении до 400%; широкие таблицы прокручиваются в своей области.
a11y-how-lang = Каждый текст помечен своим языком, чтобы программы чтения экрана правильно произносили английские тексты на казахских и русских страницах.
a11y-how-errors = Форма с ошибками перечисляет их вверху со ссылками на поля и у каждого поля говорит, что исправить.
a11y-limits-h = Что пока недоступно
a11y-limit-documents = Документы, загруженные сотрудниками (руководства, исправления), публикуются в исходном виде; некоторые PDF могут быть не размечены для программ чтения экрана. Запросите у нас доступную версию.
a11y-limit-translations = Ещё не переведённые тексты показываются на английском и помечены как английские.
a11y-limit-timeline = Диаграмма графика программы для сотрудников продублирована таблицей; сама диаграмма передаёт не всё.
a11y-testing-h = Как мы проверяли
a11y-testing = Перед каждым выпуском каждая страница проверяется axe-core на английском, казахском и русском, на компьютере и на экране телефона 390 px, а основные задачи (задать вопрос, опубликовать конкурс) выполняются только с клавиатуры.
a11y-feedback-h = Сообщите о проблеме
a11y-feedback = Если что-то на портале вам не подходит или нужен документ в другом формате, напишите нам; мы отвечаем в течение 10 рабочих дней.
privacy-title = Уведомление о конфиденциальности
privacy-lead = { $organisation } хранит перечисленные ниже персональные данные для проведения конкурсов грантов программы. Здесь сказано, что хранится, зачем, как долго и кто это видит.
privacy-what-h = Что хранится
privacy-what-account = Ваша учётная запись: имя, адрес почты, язык, роль и пароль в виде одностороннего хеша (никогда не сам пароль).
privacy-what-security = Для безопасности: время и сетевой адрес входов, неудачные попытки и каждое ваше изменение — в неизменяемом журнале аудита.
privacy-what-calls = Ваши вопросы по конкурсам и конкурсы, на которые вы подписаны.
privacy-what-mail = Письма, которые портал вам отправляет (чтобы доставить их и подтвердить отправку).
privacy-what-cookies = Одна сессионная cookie, нужная для входа и защиты форм; она завершается при выходе или после { $minutes } минут бездействия. Никаких отслеживающих или рекламных cookie.
privacy-why-h = Зачем
privacy-why = Чтобы проводить конкурсы честно и как требует соглашение о финансировании: дать вам участвовать, сообщать об ответах и изменениях, защищать портал и вести учёт, который проверяют аудиторы средств ЕС.
privacy-long-h = Как долго
privacy-long-unconfirmed = Учётная запись с неподтверждённым адресом почты удаляется через { $days } дней.
privacy-long-mail = Отправленные письма хранятся { $days } дней.
privacy-long-records = Журнал аудита и всё, что входит в документацию конкурса, хранятся не менее { $years } лет после окончательного платежа по программе (REC-01), как требуют правила ЕС.
privacy-who-h = Кто это видит
privacy-who-public = Публика видит опубликованные ответы без имени спросившего.
privacy-who-staff = Сотрудники Представительства ЕС видят вопросы и кто их задал, чтобы на них ответить.
privacy-who-evaluators = Эксперты видят только назначенные им заявки, подписав декларацию беспристрастности и конфиденциальности.
privacy-who-auditors = Аудиторы читают всё, ничего не меняя.
privacy-who-admins = Администраторы управляют учётными записями; ваш пароль не может прочитать никто.
privacy-rights-h = Ваши права
privacy-rights = Вы можете сами видеть и исправлять своё имя, адрес почты и язык и спросить, что ещё о вас хранится. То, что входит в документацию конкурса, нельзя удалить до конца срока хранения.
privacy-contact = Вопросы о ваших персональных данных:
calls-search = Поиск конкурсов
calls-search-words = Слова
calls-search-location = Где
calls-search-applicant = Кто может подать заявку
calls-found = Найдено конкурсов: { $count }.
calls-search-clear = Показать все конкурсы
confirm-edit = Изменить введённое
audit-code = Код
audit-key-before = до
audit-key-after = после
audit-key-reason = причина
audit-key-explanation = пояснение
audit-key-deadline = срок подачи
audit-key-opens-at = открытие
audit-key-changes = изменения
audit-key-number = номер
audit-key-reference = номер
audit-key-language = язык
audit-key-document = документ
audit-key-file = файл
audit-key-bytes = байт
audit-key-version = версия
audit-key-role = роль
audit-key-email = почта
audit-key-call = конкурс
audit-key-warnings = предупреждения
audit-key-title = название
audit-key-corrigendum = исправление
audit-key-replaces = заменяет
audit-key-name = имя
grid-col-code = Код
grid-col-title = Критерий
grid-col-how = Как учитывается
grid-col-actions = Изменить
grid-col-role = Роль раздела
grid-role-other = Другое
grid-role-relevance = Актуальность
grid-role-capacity = Потенциал
grid-counts-twice = считается дважды
grid-add-criterion = Добавить подкритерий
grid-add-section = Добавить раздел
grid-edit-as-text = Изменить как текст
grid-edit-as-table = Изменить как таблицу
error-required-for-title = Введите название.
error-required-for-reference = Введите номер (например, EuropeAid/150123/L/ACT/KZ).
error-required-for-call_type = Выберите, ограниченный это конкурс или открытый.
error-required-for-reason = Укажите причину.
error-required-for-explanation = Объясните отмену заявителям.
error-required-for-question = Напишите вопрос.
error-required-for-answer = Напишите ответ.
error-required-for-email = Введите адрес почты.
error-required-for-password = Введите пароль.
error-required-for-display_name = Введите имя.
error-required-for-new_date = Введите новую дату.
error-required-for-effective_on = Введите дату вступления дополнения в силу.
error-required-for-date_field = Выберите, какая дата меняется.
error-required-for-addendum_reference = Введите номер дополнения.
error-text-too-long-for-title = Название слишком длинное (не более 300 символов).
error-text-too-long-for-question = Вопрос слишком длинный (не более 4 000 символов).
