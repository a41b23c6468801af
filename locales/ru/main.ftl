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
money-rows-hint = По одной строке на статью: название (английское — аутентичное; казахское и русское — для информации, необязательно) и сумма в EUR. Чтобы удалить строку, очистите её английское название и сумму; удалённые статьи сохраняются в записях.
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
translations-grids = Оценочные таблицы
translations-grids-hint = Названия разделов и подкритериев в том виде, в каком их читают эксперты, заявители (в своих результатах) и отчёт. Английские названия аутентичны и меняются на странице таблиц; перевод, чьё английское название изменилось, удаляется.
translations-grid-concept = Таблица концептуальной записки
translations-grid-full = Таблица полной заявки
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
nav-organisations = Мои организации
organisations-title = Мои организации
organisations-intro = Организация регистрируется один раз и используется во всех конкурсах; приглашённые вами коллеги участвуют в её работе как владелец, редактор или читатель.
organisation-register = Зарегистрировать организацию
organisation-invitations = Приглашения присоединиться
invitation-accept = Присоединиться
invitation-decline = Отклонить
organisations-mine = Организации, в которых вы работаете
organisations-none = Вы пока не состоите ни в одной организации. Зарегистрируйте свою или попросите коллегу пригласить вас.
organisation-form-title = Организация
organisation-form-hint = Как в регистрационных документах. Регистрационный номер казахстанской организации — её БИН (12 цифр).
org-legal-name = Юридическое наименование
org-legal-name-local = Юридическое наименование на казахском или русском
org-acronym = Аббревиатура
org-legal-status = Правовой статус
org-country = Страна
org-country-hint = Двухбуквенный код: KZ для Казахстана.
org-oblast = Область (или республиканский уровень)
org-registration-number = Регистрационный номер (БИН)
org-registration-hint = Казахстанские организации: 12-значный БИН; другие: номер их регистрации.
org-address = Адрес
org-contact-email = Контактная почта
org-contact-phone = Контактный телефон
org-year = Год регистрации
org-staff = Численность сотрудников
org-turnover = Годовой оборот (EUR)
org-turnover-hint = За последний закрытый год; используется для оценки потенциала.
organisation-your-role = Ваша роль здесь: { $role }.
organisation-members = Участники
organisation-role = Роль
organisation-leave = Выйти
organisation-pending = Приглашены, ещё не присоединились:
organisation-invite = Пригласить коллегу
organisation-invite-button = Отправить приглашение
member-role-owner = владелец
member-role-editor = редактор
member-role-reader = читатель
flash-organisation-registered = Организация зарегистрирована; вы её владелец.
flash-organisation-saved = Данные организации сохранены.
flash-member-invited = Приглашение отправлено.
flash-invitation-accepted = Теперь вы работаете в этой организации.
flash-invitation-declined = Приглашение отклонено.
flash-organisation-left = Вы вышли из организации.
flash-member-changed = Участник изменён.
error-organisation-last-owner = У организации должен остаться хотя бы один владелец: сначала назначьте владельцем другого участника.
error-organisation-registered = Организация с этим регистрационным номером уже зарегистрирована: попросите её владельца пригласить вас.
error-organisation-already-member = Этот человек уже участник.
error-invitation-answered = На это приглашение уже ответили.
error-bin-format = БИН — 12 цифр, 5-я цифра 4, 5 или 6 (юридическое лицо).
error-bin-check-digit = Последняя цифра БИН не сходится: сверьте со свидетельством о регистрации.
error-country-code = Укажите страну двухбуквенным кодом (KZ).
error-year-registered = Год регистрации должен быть между 1900 и текущим годом.
error-number-range = Число вне допустимого диапазона.
email-organisation-invitation-subject = Приглашение работать в { $organisation }
email-organisation-invitation-body = { $by } приглашает вас работать в { $organisation } на портале грантов KAZLOD в роли «{ $role }».
    
    Войдите (или зарегистрируйтесь) с этим адресом почты и ответьте на приглашение:
    { $link }
event-organisation-registered = Организация зарегистрирована
event-organisation-updated = Организация изменена
event-organisation-member-invited = Приглашён участник
event-organisation-member-joined = Участник присоединился
event-organisation-invitation-declined = Приглашение отклонено
event-organisation-member-role-changed = Изменена роль участника
event-organisation-member-left = Участник вышел
event-organisation-member-removed = Участник удалён
object-organisation = Организация
apply-start-title = Начать заявку
apply-start-button = Начать заявку
apply-register-first = Чтобы подать заявку, сначала зарегистрируйте организацию (или попросите коллегу пригласить вас).
eligibility-problem-closed = Этот конкурс сейчас не принимает заявки.
eligibility-problem-type = Правовой статус вашей организации не входит в число допустимых для этого лота (CFP-04).
eligibility-problem-country = Подавать заявки могут только организации, зарегистрированные в Казахстане (или международные) (CFP-04).
eligibility-problem-location = Область вашей организации не входит в территории этого лота (CFP-04).
eligibility-problem-limit = Ваша организация достигла допустимого числа заявок в этом конкурсе (APP-06).
flash-application-started = Заявка начата. Пишите концептуальную записку и сохраняйте её сколько угодно раз.
flash-concept-note-saved = Концептуальная записка сохранена.
error-application-saved-meanwhile = Пока вы писали, записку сохранил кто-то другой. Ваш текст — в форме ниже, их — выше: сравните, оставьте верное и сохраните снова.
error-application-deadline-passed = Срок истёк: заявку больше нельзя изменить.
error-application-duration = Продолжительность — в месяцах, от 1 до 48.
error-application-draft = Эта заявка ещё черновик.
error-application-submitted = Эта заявка подана и больше не может меняться.
error-application-withdrawn = Эта заявка отозвана.
application-title = Заявка
application-untitled = Заявка пока без названия
application-status-draft = Черновик
application-status-submitted = Подана
application-status-withdrawn = Отозвана
application-organisation = Организация
application-call = Конкурс
application-concept-note = Концептуальная записка
application-saved-at = последнее сохранение { $when }
application-theirs-intro = Версия, сохранённая за это время:
application-theirs = Их версия
application-field-title = Название действия
application-section-relevance = Актуальность действия
application-section-design = Замысел действия
application-words = { $words } из не более { $limit } слов
application-words-over = { $words } слов: не более { $limit }. Сократите до подачи.
application-eu-contribution = Ориентировочный взнос ЕС (EUR)
application-eu-contribution-hint = Этот лот: от { $min } до { $max }.
application-duration = Продолжительность (месяцев)
application-duration-hint = Этот лот: { $min }–{ $max } месяцев.
my-applications = Заявки ваших организаций
event-application-started = Заявка начата
event-application-concept-note-saved = Концептуальная записка сохранена
object-application = Заявка
apply-started-title = Ваши заявки на этот конкурс
organisation-edit-title = Изменить данные организации
application-submit-title = Подать концептуальную записку?
application-submit-intro = Вы подаёте концептуальную записку в последней сохранённой редакции на конкурс { $reference }.
application-submit-effect-frozen = Подаётся последняя сохранённая редакция, и её больше нельзя изменить (сначала сохраните введённое).
application-submit-effect-receipt = Вы получите квитанцию: номер, точное время по часам портала и SHA-256 поданного; каждому участнику организации отправляется письмо.
application-submit-effect-withdraw = Её можно отозвать до { $deadline }.
application-submit-button = Подать концептуальную записку
flash-application-submitted = Концептуальная записка подана. Квитанция { $number }.
flash-application-withdrawn = Заявка отозвана.
application-receipt = Квитанция
application-receipt-number = Номер
application-submitted-at = Подана
application-withdraw = Отозвать заявку
application-withdraw-title = Отозвать заявку?
application-withdraw-intro = Вы отзываете заявку вашей организации на конкурс { $reference }.
application-withdraw-effect = Она не будет оцениваться и не может быть подана снова; она больше не учитывается в лимите конкурса.
error-section-empty = Заполните этот раздел.
error-section-too-long = Этот раздел превышает лимит слов: сократите его.
error-eu-contribution-missing = Укажите ориентировочный взнос ЕС.
error-eu-contribution-range = Взнос ЕС должен быть в пределах гранта этого лота (APP-02).
error-duration-missing = Укажите продолжительность в месяцах.
error-duration-range = Продолжительность должна быть в пределах этого лота (APP-03).
email-application-receipt-subject = Квитанция { $number }: { $stage ->
        [full] полная заявка подана
       *[concept] концептуальная записка подана
    }
email-application-receipt-body = { $stage ->
        [full] Полная заявка
       *[concept] Концептуальная записка
    } на конкурс { $call } подана { $when } (время Алматы).
    
    Номер квитанции: { $number }
    SHA-256 поданного: { $sha256 }
    
    { $link }
event-application-submitted = Заявка подана
event-application-withdrawn = Заявка отозвана
autosave-saved = Сохранено автоматически в { $when }.
autosave-conflict = Не сохранено автоматически: за это время сохранил кто-то другой. Нажмите «Сохранить», чтобы сравнить версии.
autosave-invalid = Не сохранено автоматически: одно из полей нужно исправить. Нажмите «Сохранить», чтобы увидеть какое.
error-application-changed-while-submitting = Пока вы подавали концептуальную записку, её сохранили снова: ничего не подано. Проверьте сохранённый текст и подайте ещё раз.
application-stage = Этап
application-stage-concept-restricted = Концептуальная записка (ограниченный конкурс)
application-stage-full-restricted = Полная заявка (по приглашению)
application-stage-full-open = Концептуальная записка и полная заявка (открытый конкурс)
application-stage-concept-open = Концептуальная записка
application-deadline = Срок подачи
application-unsubmitted-changes = Изменения, сохранённые после подачи { $when }, не поданы. Поданная версия действует, пока вы не подадите заявку снова до срока.
full-application = Полная заявка
full-application-intro = Заполните каждый раздел; каждый сохраняется отдельно, а список показывает, чего ещё не хватает.
full-section-description = Описание и устойчивость
full-section-logframe = Логическая матрица
full-section-workplan = План работ
full-section-budget = Бюджет и источники финансирования
full-section-declaration = Декларация заявителя
full-section-complete = Заполнено
full-section-missing = { $count ->
        [one] не хватает { $count } пункта
        [few] не хватает { $count } пунктов
       *[other] не хватает { $count } пунктов
    }
full-section-still-missing = Чего ещё не хватает для подачи
application-theirs-saved-at = Сохранено другим участником { $when }. Ваш текст остаётся в форме ниже: сравните и сохраните то, что должно остаться.
full-field-description = Описание действия
full-field-sustainability = Устойчивость действия
declaration-heading = Декларация
declaration-intro = От имени ведущего заявителя { $organisation } я заявляю, что:
declaration-item-eligible = заявитель и его партнёры соответствуют требованиям руководства по конкурсу;
declaration-item-exclusion = никто из них не находится в ситуациях, исключающих получение грантов ЕС (PRAG 2.6.10.1);
declaration-item-true = сведения в этой заявке верны и полны;
declaration-item-capacity = заявитель обладает финансовыми и операционными возможностями для осуществления действия;
declaration-item-partners = созаявители и аффилированные организации выдали ведущему заявителю мандат.
declaration-signed = Подписано: { $name }, { $when }.
declaration-name = Ваши полные имя и фамилия
declaration-position = Ваша должность в организации
declaration-sign = Подписываю декларацию
logframe-overall = Общая цель (воздействие)
logframe-specific = Конкретная цель (результат действия)
logframe-result = Результат { $number }
logframe-result-statement = Ожидаемый результат
logframe-indicators = Индикаторы результата { $number }
logframe-hint = Для каждого ожидаемого результата укажите индикаторы с исходным и целевым значением. Если индикатор касается людей, укажите целевое значение для женщин и для мужчин.
indicator-name = Индикатор
indicator-baseline = Исходное значение
indicator-target = Целевое значение
indicator-people = Касается людей
indicator-women = Цель: женщины
indicator-men = Цель: мужчины
add-indicator = Добавить индикатор
add-result = Добавить результат
add-activity = Добавить мероприятие
add-budget-line = Добавить строку бюджета
activity-title = Мероприятие
activity-result = Результат
activity-month = Месяц { $month }
workplan-hint = Отметьте месяцы действия, в которые проходит каждое мероприятие (месяц 1 — первый месяц действия).
workplan-duration-first = Сначала укажите продолжительность действия (в части концептуальной записки), чтобы были известны его месяцы и годы.
budget-summary = Сводка бюджета
budget-heading-1 = Человеческие ресурсы
budget-heading-2 = Поездки
budget-heading-3 = Оборудование и материалы
budget-heading-4 = Местный офис
budget-heading-5 = Прочие расходы, услуги
budget-heading-6 = Прочее
budget-heading-7 = Промежуточный итог прямых допустимых расходов
budget-heading-8 = Резерв на непредвиденные расходы
budget-heading-9 = Итого прямые допустимые расходы
budget-heading-10 = Косвенные расходы
budget-heading-11 = Итого допустимые расходы
budget-eu-share = Доля вклада ЕС в общих допустимых расходах
budget-co-financing = Софинансирование (общие допустимые расходы за вычетом вклада ЕС)
budget-line-heading = Статья
budget-line-description = Описание
budget-line-unit = Единица
budget-line-quantity = Количество единиц
budget-line-unit-cost = Цена единицы (EUR)
budget-line-year = Год
budget-line-total = Итого
budget-lines = Строки бюджета
budget-lines-hint = Одна строка на расход: статья, что это, единица (месяц, поездка, штука), количество единиц (до двух знаков после запятой) и цена единицы в евро, в году действия, к которому он относится. Пустые строки не учитываются.
budget-contingency-hint = Не более 5% промежуточного итога прямых расходов (7).
budget-indirect-hint = Не более 7% итога прямых расходов (9).
budget-funding = Источники финансирования
funding-eu = Запрашиваемый вклад ЕС (EUR)
funding-own = Собственный вклад заявителя (EUR)
funding-other = Другие доноры (EUR)
funding-income = Доход от действия (EUR)
funding-in-kind = Вклад в натуральной форме (EUR, для сведения)
funding-in-kind-hint = Не является допустимыми расходами: не входит ни в итоги, ни в источники.
budget-year-total = Год { $year }: { $amount }
budget-rules = Правила бюджета
rule-met = Выполнено
rule-unmet = Не выполнено
budget-rule-contingency = Резерв на непредвиденные расходы { $amount }: не более 5% прямых расходов, { $limit }.
budget-rule-indirect = Косвенные расходы { $amount }: не более 7% итога прямых расходов, { $limit }.
budget-rule-grant-range = Вклад ЕС { $amount }: от { $min } до { $max } для этого лота.
budget-rule-eu-share = Доля ЕС { $share } общих допустимых расходов: от { $min } до { $max }.
budget-rule-sources = Источники финансирования { $sources } в сумме равны общим допустимым расходам { $total }.
budget-rule-duration = Продолжительность { $months } мес.: от { $min } до { $max } месяцев.
budget-rule-concept-estimate = Вклад ЕС { $amount }: близок к указанному в концептуальной записке { $estimate }, от { $min } до { $max }.
receipt-print = Квитанция для печати
receipt-package = Скачать поданное (JSON)
receipt-show = Квитанция
receipt-size = Размер
receipt-bytes = { $bytes } байт
receipt-how-to-check = SHA-256 вычислен по скачанному файлу байт в байт: любой может проверить его командой sha256sum (Linux), shasum -a 256 (macOS) или Get-FileHash (Windows).
application-next = Что делать дальше
application-next-draft = Заполните все части и подайте до { $deadline } (время Алматы).
application-next-resubmit = Вы изменили заявку после подачи. Подайте её снова до { $deadline }, чтобы изменения учитывались.
application-next-submitted = Подано. До { $deadline } вы ещё можете изменить заявку и подать снова или отозвать её.
application-concept-kept = Концептуальная записка сохраняется в поданном виде: полная заявка строится на ней.
application-submissions = Подачи
submission-no = подача { $no }
submission-counts = действует
flash-section-saved = Раздел сохранён.
error-concept-note-kept = Концептуальная записка подана и больше не может меняться.
error-full-application-not-invited = Полную заявку можно писать, когда концептуальную записку пригласят к ней.
error-too-many-rows = Слишком много строк.
error-activity-month-outside = Месяц выходит за пределы продолжительности действия.
error-budget-line-heading = Выберите статью от 1 до 6.
error-budget-line-year = Год выходит за пределы продолжительности действия.
error-budget-too-large = Суммы слишком велики для любого гранта.
error-quantity-invalid = Введите количество единиц, не более двух знаков после запятой (например 12 или 2,5).
error-logframe-no-results = Укажите хотя бы один ожидаемый результат.
error-result-statement = Опишите ожидаемый результат.
error-result-no-indicator = Укажите хотя бы один индикатор для этого результата.
error-indicator-incomplete = Укажите индикатор с исходным и целевым значением.
error-indicator-gender = Этот индикатор касается людей: укажите цель для женщин и для мужчин.
error-workplan-empty = Укажите хотя бы одно мероприятие.
error-activity-title = Назовите мероприятие.
error-activity-no-month = Отметьте хотя бы один месяц мероприятия.
error-activity-result = Выберите один из ожидаемых результатов.
error-budget-no-lines = Укажите хотя бы одну строку бюджета.
error-budget-line-incomplete = Укажите описание, единицу, количество и цену единицы в строке.
error-declaration-unsigned = Декларация заявителя ещё не подписана.
submit-problems = Что мешает подаче
error-required-for-overall_objective = Укажите общую цель.
error-required-for-specific_objective = Укажите конкретную цель.
received-title = Поступившие заявки
received-envelopes = Запрошено относительно пакетов финансирования
received-chart-title = Вклад ЕС, запрошенный поданными заявками каждого лота, относительно пакета лота (вертикальная отметка)
received-chart-hint = Полосы: вклад ЕС, запрошенный поданными и не отозванными заявками; отметка: пакет лота. Красный: запрошено больше, чем вмещает пакет.
received-lot = Лот
received-submitted = Подано
received-withdrawn = Отозвано
received-requested = Запрошено
received-envelope = Пакет
received-ratio = Запрошено / пакет
received-search = Организация, название или квитанция
received-status = Статус
received-oblast = Область
received-applicant-type = Тип заявителя
received-min = Запрошено от (EUR)
received-max = Запрошено до (EUR)
received-sort = Сортировать по
received-sort-receipt = Номеру квитанции
received-sort-requested_desc = Запрошенному, по убыванию
received-sort-requested_asc = Запрошенному, по возрастанию
received-sort-organisation = Организации
received-sort-submitted_at = Времени подачи
received-export-csv = Выгрузить в CSV
received-export-xlsx = Выгрузить в Excel (XLSX)
received-receipt = Квитанция
received-organisation = Организация
received-title-col = Название
received-submitted-at = Подано (время Алматы)
received-none = Нет подходящих заявок.
received-requested-eur = Запрошенный вклад ЕС (EUR)
received-duration = Продолжительность (мес.)
received-stage = Этап
error-amount-invalid-for-min = Нижняя сумма не является суммой в евро; она не учтена.
error-amount-invalid-for-max = Верхняя сумма не является суммой в евро; она не учтена.
received-invite-choose = Пригласить
received-invite-this = Пригласить { $receipt } к полной заявке
received-invite-title = Пригласить подать полную заявку
received-invite-hint = Отметьте концептуальные записки для приглашения. Каждой организации придёт письмо со сроком; концептуальная записка сохраняется в поданном виде.
received-invite-deadline = Срок подачи полной заявки (время Алматы)
received-invite-deadline-hint = Например 2027-03-15 18:00; не раньше, чем через срок приглашения конкурса от сегодняшнего дня (CFP-02).
received-invite-button = Пригласить отмеченных заявителей
flash-invited = { $count ->
        [one] { $count } заявитель приглашён подать полную заявку.
        [few] { $count } заявителя приглашены подать полную заявку.
       *[other] { $count } заявителей приглашены подать полную заявку.
    }
error-invite-none-chosen = Отметьте хотя бы одну концептуальную записку.
error-invite-open-call = В открытом конкурсе приглашения нет: заявки с самого начала полные.
error-invite-before-deadline = Концептуальные записки можно пригласить после истечения их срока.
error-invite-deadline-too-soon = Срок полной заявки должен оставлять срок приглашения конкурса (CFP-02) от сегодняшнего дня.
error-invite-deadline-missing = Укажите срок полной заявки, например 2027-03-15 18:00.
error-invite-already-invited = Одна из заявок уже приглашена.
error-invite-not-submitted = Пригласить можно только поданные концептуальные записки; одна из них не такова (отозвана или изменена).
email-full-application-invitation-subject = Приглашение подать полную заявку: { $call }
email-full-application-invitation-body = Ваша концептуальная записка { $number } на конкурс { $call } приглашена к подаче полной заявки.
    
    Срок: { $deadline } (время Алматы).
    
    { $link }
next-write = Заполните и подайте до { $deadline }.
next-full = Приглашение: заполните и подайте полную заявку до { $deadline }.
next-missed = Не подано до истечения срока.
next-resubmit = Изменено после подачи: подайте снова до { $deadline }, чтобы изменения учитывались.
next-wait = Подано. Далее оценка; вам сообщат результат.
next-withdrawn = Отозвано: делать ничего не нужно.
staff-rejected-for = Отклонено: { $reasons }.
staff-registration-number = Регистрационный номер
check-title = Административная проверка (ADM-02)
check-passed = Пройдена
check-failed = Не пройдена: отклонено
check-recorded-at = Записано { $when }.
check-yes = Да
check-no = Нет
check-hint = Ответьте на каждый пункт. «Нет» отклоняет заявку без оценки: укажите причину, заявителю сообщат.
check-comment = Комментарий
check-record = Записать проверку
check-waits = Проверка записывается после истечения срока.
check-not-applicable = На этом этапе записывать нечего.
check-item-deadline = Срок соблюдён
check-item-form = Использована правильная форма заявки
check-item-declaration = Декларация заявителя подписана
check-item-language = Написано на языке конкурса
check-item-budget = Бюджет в EUR в требуемом формате
check-item-logframe = Логическая матрица приложена
check-item-mandates = Мандаты созаявителей и аффилированных организаций
flash-check-passed = Проверка записана: заявка переходит к оценке.
flash-check-rejected = Проверка записана: заявка отклонена, заявителю сообщено.
error-check-item-missing = Ответьте на этот пункт.
error-check-item-twice = На этот пункт ответили дважды.
error-check-item-unknown = Неизвестный пункт.
error-check-comment-required = Укажите, почему пункт не выполнен: заявителю сообщат.
error-check-before-deadline = Административная проверка записывается после истечения срока.
error-check-already-recorded = Проверка этого этапа уже записана.
error-application-rejected = Заявка отклонена.
error-application-changed = Заявка изменилась; обновите страницу.
application-status-rejected = Отклонена
event-application-rejected = Заявка отклонена
email-application-rejected-subject = Заявка { $number } отклонена по итогам административной проверки
email-application-rejected-body = Ваша заявка { $number } на конкурс { $call } не прошла административную проверку и отклонена без оценки по следующим причинам:
    
    { $reasons }
    
    { $link }
event-application-full-section-saved = Раздел полной заявки сохранён
event-application-invited = Приглашение к полной заявке
event-application-administrative-check = Административная проверка записана
opening-title = Протокол вскрытия
opening-made-at = Вскрыто { $when }. Протокол перечисляет, что поступило к сроку и что отклонено как опоздавшее (ADM-01).
opening-in_time = Поступило в срок ({ $count })
opening-withdrawn = Отозвано до срока ({ $count })
opening-late = Отклонено как опоздавшее ({ $count })
opening-attempted-at = Попытка (время Алматы)
opening-none = Нет.
opening-explain = Вскрытие один раз фиксирует каждую заявку, поступившую в срок, отозванные и каждую подачу, отклонённую после срока. Повторить его нельзя.
opening-button = Вскрыть поступившие заявки
flash-opened = Поступившие заявки вскрыты; протокол ниже.
error-opening-before-deadline = Заявки можно вскрыть после истечения срока.
error-opening-done = Заявки этого конкурса уже вскрыты.
event-call-opened = Поступившие заявки вскрыты
event-application-late-submission-refused = Опоздавшая подача отклонена
partners-title = Созаявители, аффилированные организации и ассоциированные участники
partners-hint = Назовите участвующие организации по их регистрационному номеру в реестре (каждая регистрируется один раз). Созаявители и аффилированные организации выдают ведущему заявителю мандат: загрузите его подписанным (PDF, DOCX или ODT).
partners-none = Партнёры не названы: ведущий заявитель действует один.
partner-role-co_applicant = Созаявитель
partner-role-affiliated_entity = Аффилированная организация
partner-role-associate = Ассоциированный участник
partner-mandate = Мандат
partner-mandate-missing = Нет мандата
partner-mandate-upload = Загрузить подписанный мандат
upload = Загрузить
partner-remove = Убрать { $name }
partner-registration-number = Регистрационный номер партнёра
partner-registration-hint = БИН для казахстанской организации; партнёр сначала регистрируется на портале.
partner-role = Роль
partner-add = Назвать партнёра
flash-partner-added = Партнёр назван.
flash-partner-removed = Партнёр убран.
flash-mandate-added = Мандат загружен.
error-partner-role = Выберите роль партнёра.
error-partner-unknown = Организация с этим регистрационным номером не зарегистрирована; партнёр сначала регистрируется на портале.
error-partner-is-lead = Это сам ведущий заявитель.
error-partner-twice = Эта организация уже названа.
error-mandate-missing = У созаявителя или аффилированной организации ещё нет мандата.
event-application-partner-added = Партнёр назван
event-application-partner-removed = Партнёр убран
event-application-mandate-added = Мандат загружен
partner-no-mandate-needed = без мандата
annexes-title = Приложения
annexes-hint = Приложите документы, которых требует руководство по конкурсу (анкета юридического лица, форма финансовой идентификации, резюме, письма поддержки…): PDF, DOCX или ODT, не более { $size } каждый, до { $max } приложений. Файл с названием существующего приложения заменяет его (прежний сохраняется). Каждая подача называет входящие в неё приложения с их SHA-256.
annexes-none = Приложений пока нет.
annex-version = версия { $version }
annex-remove = Удалить «{ $title }»
annex-title = Название приложения
annex-title-hint = Что это за документ, например «Анкета юридического лица» или «Резюме руководителя проекта».
annex-file = Файл
flash-annex-added = Приложение «{ $title }» загружено.
flash-annex-removed = Приложение удалено.
error-annex-title = Укажите название приложения.
error-annex-title-long = Название приложения — не более 200 символов, в одну строку.
error-annex-too-many = В этой заявке уже наибольшее число приложений (20). Удалите одно или загрузите файл под названием приложения, которое он заменяет.
event-application-annex-added = Приложение загружено
event-application-annex-removed = Приложение удалено
error-annex-file-missing = Выберите файл для загрузки.
opening-stage-call-restricted = Концептуальные записки (срок конкурса)
opening-stage-call-open = Заявки (срок конкурса)
opening-stage-full-restricted = Полные заявки (приглашённые)
opening-not_submitted = Приглашены, но не подали ({ $count })
opening-not-before = Можно вскрыть после { $when }.
opening-nothing-yet = Пока вскрывать нечего: никто не приглашён подать полную заявку.
error-opening-nothing-to-open = На этом этапе вскрывать нечего.
nav-evaluation = Оценка
evaluation-title = Оценка
evaluation-no-seats = Вы не входите ни в одну оценочную комиссию.
evaluation-your-seat = Ваша роль в комиссии этого конкурса: { $role }.
evaluation-my-assignments = Заявки, назначенные вам
evaluation-no-assignments = Вам пока ничего не назначено.
evaluation-stage = Этап
evaluation-stage-concept = Концептуальная записка
evaluation-stage-full = Полная заявка
evaluation-your-total = Ваш итог
evaluation-your-code = Ваш код эксперта
evaluation-progress-unassigned = Нужны эксперты
evaluation-progress-scoring = Идёт оценка
evaluation-progress-divergent = Расхождение оценок
evaluation-progress-scored = Оценена
evaluation-progress-rejected = Отклонена
committee-title = Оценочная комиссия
committee-hint = EVC-01: председатель и секретарь без права голоса, нечётное число (не менее трёх) членов с правом голоса, резервный член; наблюдатели и эксперты по необходимости. Места получают люди с учётной записью эксперта или сотрудника Представительства ЕС; роли действуют в пределах конкурса.
committee-incomplete = Комиссия пока не может начать оценку:
committee-complete = Состав комиссии полный: оценку можно начинать.
committee-members = Члены
committee-code = Код
committee-person = Человек
committee-role = Роль
committee-declaration = Декларация
committee-signed = Подписана
committee-not-signed = Не подписана
committee-remove = Исключить
committee-actions = Действия
committee-empty = В комиссии пока никого нет.
committee-add = Включить в комиссию
committee-email = Адрес электронной почты
committee-email-hint = У человека уже должна быть учётная запись эксперта или сотрудника Представительства ЕС.
committee-add-button = Включить
committee-role-chair = Председатель (без права голоса)
committee-role-secretary = Секретарь (без права голоса)
committee-role-evaluator = Член комиссии с правом голоса
committee-role-replacement = Резервный член комиссии
committee-role-assessor = Эксперт
committee-role-observer = Наблюдатель
committee-problem-no-chair = Нет председателя.
committee-problem-two-chairs = Председателей больше одного.
committee-problem-no-secretary = Нет секретаря.
committee-problem-two-secretaries = Секретарей больше одного.
committee-problem-few-evaluators = Членов с правом голоса должно быть не меньше трёх.
committee-problem-even-evaluators = Число членов с правом голоса должно быть нечётным.
committee-problem-no-replacement = Нет резервного члена комиссии.
declaration-title = Декларация о беспристрастности и конфиденциальности
declaration-staff-before-access = Каждый, кто вскрывает, проверяет или читает заявки этого конкурса, включая сотрудников Представительства, сначала подписывает эту декларацию (EVC-02). Ваша подпись сохраняется вместе с текстом, его версией и временем.
declaration-first-title = Подпишите декларацию, чтобы читать эту заявку
declaration-first-lead = Заявки конкурса { $reference } читают только те, кто подписал декларацию о беспристрастности и конфиденциальности этого конкурса.
error-declaration-first = Сначала подпишите декларацию конкурса о беспристрастности и конфиденциальности (EVC-02).
error-content-sealed = Заявки остаются закрытыми до окончания срока: до этого их никто не читает (CFP-06, EVC-02).
declaration-before-access = Пока вы не подпишете эту декларацию, вы не увидите ни одной заявки и ни одной оценки этого конкурса (EVC-02). Подпись сохраняется вместе с текстом, его версией и временем.
declaration-evc-text =
    Я, нижеподписавшийся, соглашаюсь участвовать в оценке заявок конкурса { $reference }, { $call }.
    
    Заявляю, что буду выполнять свои обязанности честно и беспристрастно, что я независим от всех заявителей и партнёров этого конкурса и мне не известны факты, которые могли бы поставить мою беспристрастность под сомнение. Если в ходе оценки я узнаю о таком факте или он возникнет, я немедленно сообщу о нём и прекращу участие в оценке соответствующей заявки.
    
    Я сохраню в тайне всё, что узнаю в ходе оценки, не раскрою никому вне комиссии ни заявки, ни оценки, ни обсуждения и не сохраню копий документов после оценки.
declaration-signed-at = Вы подписали декларацию (версия { $version }) { $when }.
conflict-title = Конфликт интересов
conflict-hint = Прежде чем читать заявку, укажите, есть ли у вас конфликт интересов с заявителем или партнёрами (EVC-02). Если есть, вы исключаетесь из оценки этой заявки, и председатель назначит другого эксперта.
conflict-question = Есть ли у вас конфликт интересов с этой заявкой?
conflict-none = Нет, конфликта интересов нет
conflict-yes = Да, есть конфликт интересов
conflict-note = В чём состоит конфликт
conflict-note-hint = Обязательно при заявлении о конфликте; видно только комиссии.
conflict-answer = Ответить
conflict-before-content = Содержание заявки откроется после ответа на вопрос о конфликте интересов.
sheet-title = Ваши оценки
sheet-hint = Оцените каждый подкритерий от 1 (очень плохо) до 5 (очень хорошо); подкритерии с пометкой ×2 считаются дважды. Напишите комментарий к каждому разделу. Сохраняйте сколько угодно: никто не видит ваши оценки, пока вы их не отправите.
sheet-carried = На этом этапе не оценивается повторно (перенесено из концептуальной записки): { $sections }.
sheet-max = не более { $max } баллов
sheet-comment = Комментарий к разделу { $section }
sheet-save = Сохранить оценки
sheet-submit-title = Отправить оценки
sheet-saved-at = Последнее сохранение: { $when }.
sheet-total = Итого
sheet-submit-hint = Проверьте итоги выше. После отправки оценки окончательны, и вы увидите итоги других экспертов.
sheet-submit = Отправить окончательные оценки
sheet-incomplete = Перед отправкой сохраните оценку каждого подкритерия и комментарий к каждому разделу.
sheet-others = Итоги других экспертов
score-scale-1 = очень плохо
score-scale-2 = плохо
score-scale-3 = удовлетворительно
score-scale-4 = хорошо
score-scale-5 = очень хорошо
assignment-status-pending = Ожидается ответ о конфликте
assignment-status-accepted = Идёт оценка
assignment-status-submitted = Отправлено
assignment-status-conflicted = Заявлен конфликт
assignment-status-replaced = Заменён
assignment-origin-manual = назначен вручную
assignment-origin-automatic = назначен автоматически
assignment-origin-divergence = дополнительный эксперт (расхождение)
assignment-origin-replacement = замена
board-title-concept = Оценка концептуальных записок
board-title-full = Оценка полных заявок
board-not-open = Оценка этого этапа начинается после его срока подачи.
board-assign-auto = Назначить экспертов автоматически
board-assign-auto-hint = Каждой заявке назначается нужное число экспертов с равномерной нагрузкой; эксперт с заявленным конфликтом или член организации-заявителя не назначается. Повторный запуск лишь восполняет недостающее.
board-what-if = Что если изменить бюджет лота?
board-what-if-hint = Задайте другой бюджет лота (в евро) и посмотрите, кто был бы отобран. Ничего не сохраняется.
board-envelope-eur = бюджет (EUR)
board-what-if-show = Показать отбор
board-what-if-reset = Вернуться к настоящим бюджетам
board-envelope = Бюджет { $envelope } · отобрано { $selected } · остаток { $left }
board-what-if-badge = Пробная сумма (бюджет лота { $own })
board-provisional =
    Предварительно: { $count ->
        [one] { $count } заявка ещё оценивается или имеет
        [few] { $count } заявки ещё оцениваются или имеют
       *[other] { $count } заявок ещё оцениваются или имеют
    } расхождение оценок.
board-rank = Место
board-requested = Запрошенный вклад ЕС
board-assessors = Эксперты
board-score = Балл
board-outcome = Итог
board-tied = Совпадает со следующей заявкой по всем критериям ранжирования; порядок по номеру квитанции
board-replace = Заменить
board-add-assessor = Добавить эксперта
board-shortlisted = В коротком списке
board-divergent = Оценки двух экспертов расходятся больше допустимого.
board-resolution = Решение
board-resolution-note = Как комиссия устранила расхождение
board-resolve = Записать решение
board-empty = На этом этапе заявок нет.
placement-selected = Предварительно отобрана
placement-reserve = Резервный список
threshold-concept-below-pass = Ниже порога для концептуальной записки
threshold-capacity-below-minimum = Потенциал ниже минимума
threshold-capacity-scored-one = Подкритерий потенциала оценён в 1 балл
error-committee-role = Выберите роль в комиссии.
error-committee-email = Введите адрес электронной почты.
error-committee-no-such-user = Нет активной учётной записи с таким адресом.
error-committee-wrong-role = В комиссию могут входить только эксперты и сотрудники Представительства ЕС.
error-committee-already-member = Этот человек уже входит в эту комиссию.
error-committee-member-has-work = У этого члена комиссии есть незавершённые назначения: сначала замените его.
error-evaluation-committee-incomplete = Состав комиссии ещё не полный (EVC-01).
error-evaluation-not-open = Оценка этого этапа не началась: срок подачи ещё не истёк.
error-assign-no-application = Эта заявка не оценивается на этом этапе.
error-assign-not-scorer = Выберите члена комиссии, который ставит оценки.
error-assign-already = Этот человек уже назначен на эту заявку или был с неё снят.
error-assign-own-organisation = Этот человек состоит в организации-заявителе.
error-assign-conflict = Этот человек заявил о конфликте интересов с этим заявителем (на этом или более раннем этапе): он не может оценивать его заявки (EVC-02).
error-assign-nobody-left = В комиссии не осталось никого, кто может оценить эту заявку.
error-assignment-conflict-first = Сначала ответьте на вопрос о конфликте интересов.
error-assignment-submitted-stays = Отправленный оценочный лист остаётся в деле; его нельзя заменить.
error-assignment-already-submitted = Эти оценки уже отправлены.
error-assignment-ended = Это назначение завершено.
error-assignment-already-answered = На вопрос о конфликте интересов уже дан ответ.
error-assignment-already-replaced = Этот эксперт уже заменён.
error-conflict-answer-missing = Укажите, есть ли у вас конфликт интересов.
error-conflict-note-missing = Опишите конфликт интересов.
error-score-range = Выберите оценку от 1 до 5.
error-score-missing = Оцените этот подкритерий.
error-score-comment-missing = Напишите комментарий к этому разделу.
error-score-comment-too-long = Комментарий слишком длинный (не более 5 000 знаков).
error-score-unknown-criterion = В этой таблице нет такого подкритерия.
error-resolution-note-missing = Опишите, как было устранено расхождение.
error-resolution-scoring-open = Дождитесь, пока все эксперты отправят оценки.
error-resolution-not-divergent = Эти оценки не расходятся.
error-resolution-recorded = Решение уже записано.
flash-committee-member-added = Человек включён в комиссию и извещён по электронной почте.
flash-committee-member-removed = Человек исключён из комиссии.
flash-declaration-signed = Ваша декларация подписана.
flash-no-conflict = Спасибо. Теперь можно читать и оценивать заявку.
flash-conflict-declared = Ваш конфликт интересов записан; председатель назначит другого эксперта.
flash-sheet-saved = Оценки сохранены. Их никто не видит, пока вы их не отправите.
flash-sheet-submitted = Оценки отправлены.
flash-assigned = Сделано назначений: { $count }.
flash-assign-short = Не хватает экспертов для: { $numbers }. Добавьте членов комиссии или назначьте вручную.
flash-assigned-one = Эксперт назначен.
flash-assessor-replaced = Эксперт заменён; история сохранена.
flash-divergence-resolved = Решение записано.
email-committee-seat-subject = Оценочная комиссия: { $call }
email-committee-seat-body =
    Вы включены в оценочную комиссию конкурса { $call } в роли: { $role }.
    
    Прежде чем увидеть заявки, подпишите декларацию о беспристрастности и конфиденциальности:
    { $link }
email-assessor-assigned-subject = Заявки на оценку: { $call }
email-assessor-assigned-body =
    Вам назначено заявок конкурса { $call }: { $count }. По каждой сначала укажите, есть ли конфликт интересов, затем оцените её:
    { $link }
email-conflict-declared-subject = Заявлен конфликт интересов: { $call }
email-conflict-declared-body = Эксперт заявил о конфликте интересов с заявкой { $number } конкурса { $call } и снят с её оценки. Назначьте замену на странице оценки.
event-committee-member-added = Включение в комиссию
event-committee-member-removed = Исключение из комиссии
event-committee-declaration-signed = Подписана декларация о беспристрастности
event-evaluation-assigned = Назначен эксперт
event-evaluation-conflict-declared = Заявлен конфликт интересов
event-evaluation-no-conflict-confirmed = Подтверждено отсутствие конфликта интересов
event-evaluation-sheet-saved = Оценки сохранены
event-evaluation-sheet-submitted = Оценки отправлены
event-evaluation-divergence-flagged = Отмечено расхождение оценок
event-evaluation-divergence-resolved = Расхождение устранено
board-invite = Пригласить короткий список
board-invite-hint = GRD-03: концептуальные записки из короткого списка каждого лота (по рейтингу, выше порога, пока запросы не достигнут доли бюджета) приглашаются подать полную заявку; каждой организации сообщается срок по электронной почте.
board-invite-deadline = Срок подачи полной заявки (время Алматы)
board-invite-button = Пригласить заявителей из короткого списка
error-invite-evaluation-open = Некоторые концептуальные записки ещё оцениваются или имеют расхождение оценок: сначала завершите оценку.
error-invite-none-shortlisted = В коротком списке нет записок, ожидающих приглашения.
error-evaluation-stage = Этап: concept или full.
report-title = Отчёт об оценке
report-seated-approver = Вы входите в комиссию этого конкурса: её отчёт утверждает другой сотрудник Представительства (SOD-01).
error-sod-committee-approves = Член комиссии конкурса не утверждает её отчёт: решение принимает другой сотрудник Представительства (SOD-01).
error-sod-payment-approver = Вы утвердили отчёт, по которому выпущен этот транш: его выплату регистрирует другой сотрудник (SOD-01).
report-xlsx = Скачать в XLSX
report-print-hint = Эта страница печатается как отчёт.
report-versions = Версии
report-version = Версия
report-submitted-at = Представлен
report-decided-at = Решение
report-comments = Замечания
report-submit-title = Представить отчёт
report-submit-hint = В отчёте ниже каждая заявка с оценками, рейтингом, отбором, резервным списком и причинами. После представления Представительство ЕС утверждает его или возвращает; до утверждения заявителям ничего не сообщается (SEL-03).
report-submit = Представить отчёт об оценке
report-decide-title = Решение о предоставлении грантов
report-decide-hint = Утверждение отчёта и есть решение о предоставлении грантов: итоги ниже становятся окончательными, и заявителей можно известить.
report-confirm = Я прочитал отчёт и утверждаю решение о предоставлении грантов
report-approve = Утвердить отчёт
report-return-hint = Укажите, что комиссии нужно пересмотреть.
report-return = Вернуть комиссии
report-envelope = Бюджет { $envelope } · отобрано { $selected }
report-sections = Оценки по разделам
report-eu-share = Доля ЕС
report-concept-score = Концептуальная записка
report-locality = Местность
report-reason = Причина
lot-label-plain = Лот
report-status-open = Готовится
report-status-submitted = Ожидает Представительства ЕС
report-status-returned = Возвращён комиссии
report-status-approved = Утверждён
outcome-awarded = Грант предоставлен
outcome-reserve = Резервный список
outcome-rejected = Не отобрана
reason-late = Подана с опозданием
reason-incomplete = Неполная
reason-not-eligible = Не соответствует требованиям
reason-below-threshold = Ниже порога
reason-not-selected-within-envelope = Не отобрана в пределах имеющихся средств
reason-supporting-documents = Подтверждающие документы отсутствуют или противоречивы
notice-title = Извещение заявителей
notice-urgency-done = Сделано
notice-urgency-due = К сроку
notice-urgency-soon = Срок скоро
notice-urgency-overdue = Просрочено
notice-successful = Отобранных заявителей — до { $by } (NOT-01); ожидают: { $count }.
notice-others = Остальных заявителей, с причиной и оценками, — до { $by }; ожидают: { $count }.
notice-publication = Предоставленные гранты публикуются до { $by } (PUB-01); они появляются в открытом списке после извещения заявителей.
notice-send-successful = Известить отобранных заявителей
notice-send-others = Известить остальных заявителей
awards-title = Предоставленные гранты
awards-lead = Гранты, предоставленные по конкурсам программы (PUB-01): получатель, местность, цель, сумма и доля ЕС.
awards-csv = Скачать в CSV
awards-beneficiary = Получатель
awards-purpose = Цель
awards-amount = Сумма (вклад ЕС)
awards-year = Год
awards-none = Гранты ещё не предоставлялись.
error-report-approved = Отчёт утверждён и больше не меняется.
error-report-waiting = Отчёт ожидает Представительства ЕС.
error-report-not-submitted = Нет отчёта, ожидающего решения.
error-report-evaluation-open = Некоторые заявки ещё оцениваются или имеют расхождение оценок: сначала завершите оценку.
error-report-full-stage-open = Срок подачи полной заявки ещё не истёк.
error-report-nothing-at-full-stage = Ни одна заявка ещё не дошла до этапа полной заявки.
error-report-comments-missing = Укажите, почему отчёт возвращается.
error-report-confirm = Отметьте поле, чтобы подтвердить решение.
error-report-decision = Выберите действие.
error-notify-before-approval = Заявителей извещают только после утверждения отчёта (SEL-03).
error-notify-successful-first = Сначала известите отобранных заявителей (NOT-01).
flash-report-submitted = Отчёт представлен в Представительство ЕС.
flash-report-approved = Отчёт утверждён: решение о предоставлении грантов записано.
flash-report-returned = Отчёт возвращён комиссии.
flash-notified = Извещено заявок: { $count }.
email-award-successful-subject = Ваша заявка отобрана: { $call }
email-award-successful-body =
    Рады сообщить, что ваша заявка { $number } на конкурс { $call } отобрана для гранта до { $amount } при условии подписания договора о предоставлении гранта.
    
    Представительство ЕС свяжется с вами для его подготовки:
    { $link }
email-award-reserve-subject = Ваша заявка в резервном списке: { $call }
email-award-reserve-body =
    Ваша заявка { $number } на конкурс { $call } не могла быть отобрана в пределах имеющихся средств и включена в резервный список. Если средства появятся, вам сообщат.
    
    Ваши оценки по разделам:
    { $scores }
email-award-unsuccessful-subject = Результат рассмотрения заявки: { $call }
email-award-unsuccessful-body =
    С сожалением сообщаем, что ваша заявка { $number } на конкурс { $call } не отобрана.
    
    Причина: { $reason }
    
    Ваши оценки по разделам:
    { $scores }
event-award-report-submitted = Представлен отчёт об оценке
event-award-report-approved = Отчёт об оценке утверждён (решение о грантах)
event-award-report-returned = Отчёт об оценке возвращён
event-award-successful-notified = Отобранные заявители извещены
event-award-unsuccessful-notified = Остальные заявители извещены
supporting-title = Подтверждающие документы
supporting-asked = Оценочная комиссия запросила эти документы { $when } (SEL-02). Загрузите каждый; отсутствующий или противоречивый документ ведёт к отклонению заявки.
supporting-passed = Проверено: полный комплект
supporting-failed = Проверено: отсутствуют или противоречивы
supporting-missing = Ещё не представлен
supporting-file = Файл: { $document }
supporting-check = Проверка подтверждающих документов { $number }
supporting-check-passed = Полные и согласованные
supporting-check-failed = Отсутствуют или противоречивы (заявка отклоняется)
supporting-note = Примечание (обязательно, если проверка не пройдена)
supporting-record = Записать проверку
supporting-request = Запросить подтверждающие документы
supporting-request-hint = SEL-02: предварительно отобранным заявителям и заявителям из резервного списка направляется перечень документов для загрузки.
supporting-statutes = Устав заявителя и созаявителей
supporting-legal-entity = Карточка юридического лица
supporting-financial-identification = Форма финансовой идентификации
supporting-accounts = Последняя финансовая отчётность (отчёт о прибылях и убытках, баланс)
supporting-audit-report = Отчёт внешнего аудита (грант свыше 750 000 евро)
error-supporting-nobody = Нет отобранных или резервных заявителей, ожидающих запроса.
error-supporting-not-asked = У этой заявки подтверждающие документы не запрашивались.
error-supporting-checked = Документы уже проверены.
error-supporting-unknown = Этот документ не запрашивался.
error-supporting-note-missing = Укажите, чего не хватает или что противоречиво.
error-supporting-incomplete = Не хватает документов: проверка не может быть пройдена.
error-supporting-result-missing = Выберите результат проверки.
error-report-supporting-open = Сначала нужно проверить подтверждающие документы каждой отобранной заявки (SEL-02).
flash-supporting-requested = Запрошены документы у заявителей: { $count }.
flash-supporting-uploaded = Документ загружен.
flash-supporting-checked = Проверка записана.
flash-supporting-moved-up = Проверка записана; из резервного списка поднялись: { $numbers }.
email-supporting-requested-subject = Нужны подтверждающие документы: { $call }
email-supporting-requested-body =
    Ваша заявка { $number } на конкурс { $call } предварительно отобрана или включена в резервный список. Загрузите эти документы на странице заявки:
    
    { $documents }
    
    { $link }
event-award-supporting-requested = Запрошены подтверждающие документы
event-award-supporting-uploaded = Загружен подтверждающий документ
event-award-supporting-checked = Проверены подтверждающие документы
nav-contracts = Договоры
yes = Да
no = Нет
overdue = Просрочено
contracts-title = Договоры о предоставлении гранта
contracts-awaiting = Присуждённые гранты, ожидающие договора
contracts-awaiting-hint = Заявки, получившие грант по утверждённым отчётам об оценке (SEL-03). Каждый договор должен быть подписан до истечения срока заключения договоров по программе (TL-02).
awards-eu-share = Доля ЕС
contracts-decided = Решение о гранте принято
contracts-prepare = Подготовить договор
contracts-all = Договоры
contracts-none = Договоров пока нет.
contract-number = Номер договора
contract-max-eu = Максимальный вклад ЕС
contract-start = Начало
contract-end = Окончание
contract-prepare-title = Подготовка договора о предоставлении гранта
contract-award = Присуждённый грант
contract-contracting-deadline = Последний день для подписания договоров (TL-02)
contract-operational-end = Окончание операционного этапа (TL-03)
contract-longest-today =
    При подписании сегодня действие может длиться максимум { $months ->
        [one] { $months } месяц
        [few] { $months } месяца
        [many] { $months } месяцев
       *[other] { $months } месяца
    } (не более 48 и с окончанием не позднее конца операционного этапа).
contract-max-eu-hint = В евро; не более присуждённой суммы ({ $amount }).
contract-eu-share = Доля ЕС в приемлемых расходах (%)
contract-eu-share-hint = Не более присуждённой доли ({ $share }).
contract-duration = Продолжительность (месяцев)
contract-duration-hint = От 1 до { $months }, если подписать сегодня.
contract-agreed-start = Согласованная дата начала
contract-agreed-start-hint = Необязательно. Иначе действие начинается на следующий день после последней подписи.
contract-lead-abroad = Ведущий заявитель находится за пределами Казахстана (итоговый отчёт в течение 6 месяцев вместо 3)
contract-lead-abroad-short = Ведущий заявитель за рубежом
contract-save = Сохранить договор
contract-title = Договор о предоставлении гранта
contract-terms = Условия
contract-awarded = присуждено { $amount }, { $share }
contract-months =
    { $months ->
        [one] { $months } месяц
        [few] { $months } месяца
        [many] { $months } месяцев
       *[other] { $months } месяца
    }
contract-keep-until = Документы хранятся до (REC-01)
contract-end-reason = Причина
contract-no-payment-deadline = Платежей ещё не было. Если до { $date } не будет произведён ни один платёж, договор будет автоматически расторгнут (CON-03).
contract-signature = Подписание
contract-sent-at = Подписан Представительством Европейского Союза и отправлен
contract-countersign-by = Подписать со своей стороны до
contract-countersign-late = Срок истёк
contract-countersigned-at = Подписан со стороны получателя
contract-edit-terms = Изменить условия
contract-send-hint = При отправке договор подписывается от имени Представительства Европейского Союза. Условия проверяются на сегодняшний день: при подписании сегодня действие может длиться не более { $months } мес.; при текущей продолжительности оно завершится { $end }, затем у получателя гранта есть 30 дней, чтобы подписать договор со своей стороны.
contract-send = Подписать и отправить получателю гранта
contract-countersign-hint = Подпишите договор со своей стороны до { $by }: загрузите договор, подписанный вашим законным представителем (PDF или скан). Действие начинается на следующий день, если не согласована более поздняя дата начала.
contract-signed-file = Подписанный договор
contract-countersign-confirm = Я подписываю этот договор со своей стороны от имени получателя гранта.
contract-countersign = Подписать со своей стороны
contract-payments = Платежи
contract-paid-so-far = Выплачено на данный момент: { $paid }. Осталось выплатить до максимума: { $left }.
tranche = Транш
tranche-kind = Вид
tranche-planned = Запланировано
tranche-payable = К выплате
tranche-paid = Выплачено
tranche-due = Срок выплаты
tranche-after-report = после утверждения отчёта { $report }
tranche-kind-pre-financing = Первое предварительное финансирование
tranche-kind-further = Последующее предварительное финансирование
tranche-kind-balance = Выплата остатка
payment-kind-payment = Платёж
payment-kind-recovery = Возврат средств
contract-payments-made = Произведённые платежи
contract-final-grant = Окончательная сумма гранта: { $amount }.
contract-recovery-due = Подлежит возврату: { $amount }
contract-record-payment = Записать платёж
payment-amount = Сумма (EUR)
payment-date = Дата платежа
payment-reference = Номер платёжного поручения или банковский референс
payment-is-recovery = Это средства, возвращённые получателем гранта (CON-04)
contract-release-arithmetic = PAY-02: запланировано { $planned }; требуемые расходы { $required } (100% более ранних платежей и 70% предыдущего); заявленные расходы за счёт ЕС { $spent }; уменьшение на { $shortfall }; превышение 90%-го предела предварительного финансирования { $over_cap }; к выплате { $payable }.
contract-final-arithmetic = CON-04: доля ЕС в принятых расходах { $by_share }, максимум { $maximum }, окончательный грант { $grant }; выплачено { $paid }; остаток { $balance }; к возврату { $recovery }.
contract-reports = Отчёты
contract-report-kind-interim = Промежуточный отчёт
contract-report-kind-final = Итоговый отчёт
contract-report-status-due = Ожидается
contract-report-status-submitted = Представлен
contract-report-status-information-requested = Запрошена дополнительная информация
contract-report-status-approved = Утверждён
contract-report-period = Период, заканчивающийся { $end }; срок представления — { $due }
contract-report-verification = с отчётом о проверке расходов (AUD-01)
contract-report-information = Пожалуйста, ответьте до { $by } (30 дней, REP-01).
contract-report-costs = Понесённые приемлемые расходы: { $amount }
contract-report-accepted = принято: { $amount }
contract-report-missing = Ещё нужно загрузить:
report-document = Документ
report-file = Файл (PDF, DOCX или ODT)
report-document-narrative = Описательный отчёт
report-document-financial = Финансовый отчёт
report-document-verification = Отчёт о проверке расходов
contract-report-summary = Краткое описание периода
contract-report-costs-label = Приемлемые расходы, понесённые на текущую дату (EUR)
contract-report-costs-hint = Все приемлемые расходы действия с момента его начала, как в финансовом отчёте.
contract-report-submit = Представить отчёт
contract-report-accepted-label = Принятые приемлемые расходы (EUR, итоговый отчёт)
contract-report-accepted-hint = Оставьте пустым, чтобы принять расходы в заявленном размере.
contract-report-approve = Утвердить отчёт
contract-report-ask = Какой информации не хватает
contract-report-ask-button = Запросить дополнительную информацию
contract-closure = Закрытие и расторжение
contract-close-hint = Для закрытия итоговый отчёт должен быть утверждён, а остаток выплачен или возврат средств записан в полном объёме.
contract-close = Закрыть договор
contract-terminate-confirm = Подтверждаю: это действие необратимо.
contract-withdraw = Отозвать договор
contract-terminate = Расторгнуть договор
contract-versions = Версии
contract-status-draft = Черновик
contract-status-sent = Ожидает подписания со стороны получателя
contract-status-active = Реализуется
contract-status-suspended = Приостановлен
contract-status-closed = Закрыт
contract-status-terminated = Расторгнут
contract-status-withdrawn = Отозван
contract-version-prepared = Подготовлен
contract-version-terms-changed = Условия изменены
contract-version-sent = Подписан и отправлен
contract-version-countersigned = Подписан со стороны получателя
contract-version-closed = Закрыт
contract-version-terminated = Расторгнут
contract-version-withdrawn = Отозван
flash-contract-saved = Договор сохранён.
flash-contract-sent = Договор подписан и отправлен получателю гранта.
flash-contract-countersigned = Договор подписан со стороны получателя. График платежей и отчёты установлены.
flash-payment-recorded = Платёж записан.
flash-report-document-uploaded = Документ загружен.
flash-contract-report-submitted = Отчёт представлен.
flash-contract-report-decided = Решение записано.
flash-contract-closed = Договор закрыт.
flash-contract-terminated = Договор прекращён.
error-contract-amount = Укажите максимальный вклад ЕС больше нуля.
error-contract-above-award = Максимальный вклад ЕС не может превышать присуждённую сумму (CON-01).
error-contract-share = Укажите долю ЕС в процентах: больше 0 и не более 100.
error-contract-share-above-award = Доля ЕС не может превышать присуждённую (CON-01).
error-contract-signature-late = Договоры нельзя подписывать после истечения срока заключения договоров по программе (TL-02, этот срок не продлевается).
error-contract-start-early = Согласованная дата начала должна быть позже дня подписания.
error-contract-duration = Укажите продолжительность от 1 до 48 месяцев.
error-contract-end-late = При такой дате начала и продолжительности действие завершится после окончания операционного этапа (TL-03). Сократите продолжительность.
error-contract-ended = Этот договор уже завершён.
error-contract-not-sent = Договор ещё не подписан и не отправлен.
error-contract-not-countersigned = Договор ожидает подписания со стороны получателя.
error-contract-suspended = Исполнение договора приостановлено.
error-contract-active = Договор уже исполняется.
error-contract-report-approved = Этот отчёт уже утверждён.
error-contract-report-waiting = Этот отчёт ожидает решения Представительства Европейского Союза.
error-contract-report-not-submitted = Этот отчёт не представлен.
error-addendum-notice = Дополнительное соглашение нужно запросить не менее чем за 30 дней до его вступления в силу (AMD-01).
error-addendum-after-end = Дополнительное соглашение может вступить в силу только в период реализации.
error-addendum-raises-grant = Дополнительное соглашение никогда не может увеличить максимальную сумму гранта (AMD-01).
error-addendum-extension-notice = Продление нужно запросить не менее чем за месяц до даты окончания (AMD-01).
error-addendum-not-later = При продлении дата окончания должна переноситься на более поздний срок.
error-contract-number = Укажите номер договора (не более 80 символов).
error-contract-number-taken = Этот номер уже присвоен другому договору.
error-contract-not-draft = Договор подписан: его условия меняются только дополнительным соглашением.
error-contract-countersign-late = 30 дней на подписание со своей стороны истекли (CON-01). Обратитесь в Представительство Европейского Союза.
error-payment-amount = Укажите сумму больше нуля.
error-payment-reference = Укажите номер платёжного поручения или банковский референс.
error-payment-tranche = Выберите оплаченный транш.
error-payment-date = Дата платежа должна быть между датой подписания со стороны получателя и сегодняшним днём.
error-recovery-none = По этому договору возврат средств не требуется.
error-payment-not-released = Этот транш ещё не разблокирован: сначала должен быть утверждён соответствующий отчёт (PAY-02).
error-payment-above-tranche = Сумма превышает остаток к выплате по этому траншу.
error-report-document = Выберите, какой это документ отчёта.
error-contract-not-running = Договор не исполняется.
error-report-summary = Напишите краткое описание периода (не более 20 000 символов).
error-report-costs = Укажите приемлемые расходы в евро.
error-report-verification-missing = К этому отчёту обязательно прилагается отчёт о проверке расходов (AUD-01).
error-report-documents-missing = Сначала загрузите описательный и финансовый отчёты.
error-report-comment = Укажите, какой информации не хватает.
error-contract-final-report-open = Сначала должен быть утверждён итоговый отчёт.
error-contract-settlement-open = Сначала остаток должен быть выплачен или возврат средств записан в полном объёме.
error-contract-reason = Укажите причину.
error-contract-confirm = Поставьте отметку для подтверждения.
programme-deadline-tl01 = публикации всех конкурсов (TL-01)
programme-deadline-tl02 = подписания всех договоров (TL-02)
email-contract-sent-subject = Договор о предоставлении гранта { $number }: подпишите со своей стороны
email-contract-sent-body =
    Представительство Европейского Союза подписало договор о предоставлении гранта { $number } (максимальный вклад ЕС { $amount }).
    
    Пожалуйста, подпишите его со своей стороны на портале до { $by } (CON-01), загрузив договор, подписанный вашим законным представителем:
    
    { $link }
email-contract-countersigned-subject = Договор { $number } подписан со стороны получателя
email-contract-countersigned-body =
    Договор { $number } подписан со стороны получателя. Действие осуществляется с { $start } по { $end }; первое предварительное финансирование должно быть выплачено в течение 45 дней.
    
    { $link }
email-contract-countersign-reminder-subject = Напоминание: подпишите договор { $number } со своей стороны до { $by }
email-contract-countersign-reminder-body =
    Договор о предоставлении гранта { $number } всё ещё ожидает вашей подписи. Срок — { $by } (CON-01).
    
    { $link }
email-contract-report-submitted-subject = Отчёт { $report } по договору { $number } представлен
email-contract-report-submitted-body =
    Получатель гранта представил отчёт { $report } по договору { $number }. Пожалуйста, утвердите его или запросите дополнительную информацию.
    
    { $link }
email-contract-report-decided-subject = Отчёт { $report } по договору { $number }: { $outcome }
email-contract-report-decided-body =
    Отчёт { $report } по договору { $number }: { $outcome }.
    
    { $comment }
    
    { $link }
email-contract-report-overdue-subject = Просрочено: отчёт { $report } по договору { $number }
email-contract-report-overdue-body =
    Отчёт { $report } по договору { $number } нужно было представить до { $due }, но он не представлен (REP-01).
    
    { $link }
email-contract-no-payment-warning-subject = Договор { $number } будет расторгнут { $on }, если не будет платежа
email-contract-no-payment-warning-body =
    По договору { $number } ещё не было ни одного платежа. Если до { $on } платёж не будет произведён, договор будет автоматически расторгнут (CON-03).
    
    { $link }
email-contract-terminated-subject = Договор { $number } прекращён
email-contract-terminated-body =
    Договор { $number } прекращён. Причина: { $reason }
    
    { $link }
email-payment-overdue-subject = Просроченный платёж: транш { $tranche } по договору { $number }
email-payment-overdue-body =
    Транш { $tranche } по договору { $number } (к выплате ещё { $amount }) нужно было выплатить до { $due } (PAY-01/02).
    
    { $link }
email-programme-deadline-subject = { $programme }: срок { $deadline } — { $date }
email-programme-deadline-body =
    Для программы { $programme } наступает срок { $deadline }: { $date }. Ещё не выполнено: { $count }.
    
    { $link }
event-contract-prepared = Договор подготовлен
event-contract-terms-changed = Условия договора изменены
event-contract-sent = Договор подписан и отправлен
event-contract-countersigned = Договор подписан со стороны получателя
event-contract-payment-recorded = Платёж записан
event-contract-recovery-recorded = Возврат средств записан
event-contract-report-document-uploaded = Документ отчёта загружен
event-contract-report-submitted = Отчёт представлен
event-contract-report-approved = Отчёт утверждён
event-contract-report-information-requested = По отчёту запрошена дополнительная информация
event-contract-closed = Договор закрыт
event-contract-terminated = Договор расторгнут
event-contract-withdrawn = Договор отозван
event-contract-countersign-reminded = Отправлено напоминание о подписании со стороны получателя
event-contract-no-payment-warned = Отправлено предупреждение об отсутствии платежа (CON-03)
event-contract-report-overdue = Отправлено напоминание о просроченном отчёте
event-contract-payment-overdue = Отправлено напоминание о просроченном платеже
event-programme-deadline-warned = Отправлено предупреждение о сроке программы
contract-amendments = Изменения
contract-headings = Статьи бюджета 1–6 (AMD-02)
budget-heading = Статья
contract-headings-signed = При подписании
contract-headings-now = Сейчас
contract-amendment-effective = вступает в силу { $date }
amendment-new-end = новая дата окончания { $date }
amendment-comment = Представительство Европейского Союза
amendment-approve = Утвердить дополнительное соглашение
amendment-reject-reason = Причина отказа
amendment-reject = Отклонить
amendment-request = Запросить изменение
amendment-request-hint = Дополнительное соглашение вступает в силу не ранее { $date } (уведомление за 30 дней) и никогда не увеличивает максимальную сумму гранта; продление запрашивается не позднее чем за месяц до даты окончания. Перемещения между статьями до 15% каждой статьи (с учётом предыдущих) только сообщаются и применяются сразу.
amendment-kind = Вид изменения
amendment-kind-extension = Продление срока
amendment-kind-transfer = Перемещение средств между статьями
amendment-kind-other = Другое изменение
amendment-effective-label = Вступает в силу
amendment-new-end-label = Новая дата окончания (продление)
amendment-transfer-legend = Перемещение средств
amendment-from = Из статьи
amendment-to = В статью
amendment-description = Что меняется и почему
amendment-send = Отправить запрос
amendment-status-requested = Ожидает решения Представительства Европейского Союза
amendment-status-notified = Сообщено (в пределах порога)
amendment-status-approved = Дополнительное соглашение утверждено
amendment-status-rejected = Отклонено
amendment-transfer-text = Перемещение { $amount } из статьи { $from } в статью { $to }
contract-suspend-reason = Причина приостановления
contract-suspend = Приостановить реализацию
contract-suspended-since = Приостановлено с { $date }; возобновление продлевает дату окончания на число дней приостановления (AMD-01).
contract-resume = Возобновить реализацию
flash-transfer-notified = Перемещение в пределах порога: оно сообщено и применяется сразу.
flash-amendment-requested = Запрос отправлен в Представительство Европейского Союза.
flash-amendment-decided = Решение записано.
flash-contract-suspended = Реализация приостановлена.
flash-contract-resumed = Реализация возобновлена; дата окончания продлена.
error-amendment-kind = Выберите вид изменения.
error-amendment-description = Опишите изменение и его причину.
error-transfer-headings = Выберите две разные статьи (1–6).
error-transfer-above-heading = В статье нет такой суммы.
error-amendment-decided = По этому запросу уже принято решение.
error-amendment-comment = Укажите причину отказа.
contract-version-transfer-notified = Сообщено о перемещении средств
contract-version-addendum = Дополнительное соглашение
contract-version-suspended = Приостановлено
contract-version-resumed = Возобновлено
email-contract-amendment-subject = Договор { $number }: изменение { $amendment } – { $status }
email-contract-amendment-body =
    Изменение { $amendment } договора { $number }: { $status }.
    
    { $link }
event-contract-transfer-notified = Сообщено о перемещении средств
event-contract-amendment-requested = Запрошено изменение
event-contract-amendment-approved = Дополнительное соглашение утверждено
event-contract-amendment-rejected = Изменение отклонено
event-contract-suspended = Договор приостановлен
event-contract-resumed = Договор возобновлён
monitoring-title = Мониторинг программы
monitoring-xlsx = Скачать отчёт в XLSX
monitoring-iati = Файл мероприятий IATI 2.03
monitoring-money = Выделено, законтрактовано и выплачено в сравнении с конвертами
monitoring-line = Конверт или лот
monitoring-envelope = Конверт
monitoring-awarded = Выделено
monitoring-contracted = Законтрактовано
monitoring-paid = Выплачено
monitoring-to-pay = Осталось выплатить
monitoring-unawarded = Ещё не выделено
monitoring-total = Итого по программе
monitoring-chart = Конверт, выделено, законтрактовано и выплачено по конвертам и лотам
monitoring-indicators = Показатели логической матрицы, известные порталу
monitoring-by-oblast = Профинансированные инициативы по областям (подписанные договоры)
monitoring-initiatives = Инициативы
monitoring-gender = Целевые группы по логическим матрицам профинансированных мероприятий: { $women } женщин и { $men } мужчин.
monitoring-paid-semester = Выплачено за полугодие
monitoring-sheet-money = Конверты и лоты
monitoring-sheet-contracts = Договоры
contract-dossier = Скачать полное досье (ZIP)
programme-deadline-tl05 = снятие неиспользованного остатка средств ЕС с обязательств (TL-05)
email-notice-due-subject = { $call }: заявителей нужно уведомить до { $by } (NOT-01)
email-notice-due-body =
    Решение о предоставлении грантов по конкурсу { $call } утверждено, но { $count } заявителей ещё не уведомлены. Их необходимо уведомить до { $by } (NOT-01).
    
    { $link }
event-award-notice-warned = Отправлено предупреждение о сроке уведомления (NOT-01)
monitoring-as-of = Данные по состоянию на { $date }; отчёт для Руководящего комитета за полугодие { $start } – { $end } (TL-07).
