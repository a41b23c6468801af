## Layout
site-name = KAZLOD grants portal
site-short = KAZLOD grants
site-tagline = EU–Kazakhstan · Support to local development
skip-to-content = Skip to content
nav-main = Main menu
nav-login = Log in
nav-logout = Log out
nav-register = Register
nav-account = My account
nav-users = Users
nav-outbox = Outbox
nav-audit = Audit log
language-switch = Language
language-browser = As my browser prefers
footer-funded = This programme is funded by the European Union (financing agreement DCI-ASIE/2010/020-609).
footer-times = All times are shown in Almaty time (UTC+5).

## Common words
save = Save
status = Status
created = Created
filter-all = All
filter-apply = Filter
list-empty = Nothing to show.
list-total = { $count ->
    [one] { $count } item
   *[other] { $count } items
}
pager-label = Pages
pager-prev = Previous
pager-next = Next
pager-position = Page { $page } of { $pages }

## Roles
role-applicant = Applicant
role-evaluator = Evaluator
role-delegation = EU Delegation staff
role-auditor = Auditor
role-admin = Administrator

## Home
home-title = Calls for proposals of the KAZLOD programme
home-lead = Non-governmental organisations and local authorities of Kazakhstan apply here for EU grants for local development; evaluators score the proposals, and the EU Delegation awards and follows each grant contract.
home-welcome = Welcome, { $name }.
home-register = Register as an applicant
home-programme-heading = The programme
home-programme-text = "Support to local development in the Republic of Kazakhstan" is financed by the European Union with EUR 15 million. Up to EUR 3 million go to grants in two envelopes.
home-envelope-oblasts-title = Pilot oblasts
home-envelope-oblasts-text = Initiatives of non-state actors and local authorities in Mangystau, Kyzylorda and East Kazakhstan oblasts.
home-envelope-national-title = National level
home-envelope-national-text = Strengthening the role of civil society in local development across Kazakhstan.
home-cofinancing-title = Co-financing
home-cofinancing-text = Applicants contribute at least 10% of the eligible costs; grant contracts last up to 48 months.

## Form fields
field-email = Email address
field-display-name = Full name
field-password = Password
field-new-password = New password
field-current-password = Current password
field-role = Role
field-language = Language
field-token-name = Token name
password-hint = At least 15 characters. A few unrelated words make a good, memorable password; avoid common passwords and your own name or email.

## Registration and login
register-title = Create an applicant account
register-intro = Register once; your organisation and applications come later. We will send a link to confirm your email address.
register-submit = Create account
register-have-account = Already registered?
check-email-title = Check your email
check-email-register = If { $email } can be registered, we have sent a confirmation link to it. Open it to activate your account.
check-email-reset = If an account exists for { $email }, we have sent a link to choose a new password. The link works once, for one hour.
check-email-spam = Nothing after a few minutes? Look in your spam folder, or try again.
confirm-title = Confirm your email address
confirm-intro = Press the button to confirm your email address and activate your account.
confirm-submit = Confirm my email address
link-problem-title = This link cannot be used
link-problem-new-reset = Ask for a new link
login-title = Log in
login-submit = Log in
login-forgot = Forgot your password?
login-no-account = No account yet?
forgot-title = Forgot your password
forgot-intro = Enter the email address of your account. We will send you a link to choose a new password; it works once, for one hour.
forgot-submit = Send the link
reset-title = Choose a new password
set-password-title = Choose your password
reset-for = For the account { $email }.
reset-submit = Save the password

## Account
account-title = My account
account-member-since = Member since
account-last-login = Last login
account-profile = Profile
account-password = Password
account-change-password = Change password
account-sessions = Sessions
account-sessions-text = Signed in on another computer or phone you no longer use? End every other session; this one stays open.
account-logout-everywhere = Log out everywhere else
account-tokens = API tokens
account-tokens-text = Programs can use the portal's JSON API with a personal token. Treat a token like a password; revoke it when no longer needed.
account-no-tokens = You have no API tokens.
account-create-token = Create a token
account-token-created = Your new token is shown only now. Copy it and keep it safe:
token-prefix = Begins with
token-last-used = Last used
token-revoke = Revoke
token-revoked = Revoked { $when }

## Administration
users-title = Users
users-invite = Invite a user
users-search = Name or email
user-status-active = Active
user-status-disabled = Disabled
user-status-unconfirmed = Email not confirmed
invite-title = Invite a user
invite-intro = The person receives an email with a link to choose a password. The link works for 7 days.
invite-submit = Send the invitation
user-change-role = Role
user-access = Access
user-disable = Disable this account
user-disable-text = A disabled user is signed out at once, cannot log in and their API tokens are revoked. Nothing they did is deleted.
user-disabled-text = This account is disabled.
user-enable = Re-enable this account
user-history = History
outbox-title = Outbox
outbox-intro = Every email the portal sends is queued here first and sent in the background, with retries when the mail server is unavailable.
mail-to = To
mail-subject = Subject
mail-attempts = Attempts
mail-detail = Detail
mail-status-queued = Queued
mail-status-sent = Sent
mail-status-failed = Failed
mail-sent-at = Sent { $when }
mail-next-attempt = Next attempt { $when }
mail-retry = Retry
audit-title = Audit log
audit-intro = Every change made in the portal, oldest to newest in a tamper-evident chain. Newest first here.
audit-when = When
audit-actor = Who
audit-action = Action
audit-object = Object
audit-object-type = Object type
audit-object-id = Object id
audit-details = Details
audit-address = Address
audit-from = From (date)
audit-until = Until (date)

## Messages after an action
flash-email-confirmed = Your email address is confirmed. You can log in now.
flash-logged-out = You are logged out.
flash-logged-out-everywhere = Every other session has ended.
flash-password-changed = Your password is changed. Other sessions have ended.
flash-password-set = Your password is saved. Log in with it now.
flash-profile-saved = Your profile is saved.
flash-token-revoked = The token is revoked.
flash-role-changed = The role is changed. The user's open sessions have ended.
flash-user-disabled = The account is disabled.
flash-user-enabled = The account is enabled again.
flash-user-invited = An invitation is on its way to { $email }.
flash-mail-requeued = The message is queued again.

## Errors
error-title-400 = The request could not be understood
error-title-401 = Please log in
error-title-403 = Access refused
error-title-404 = Page not found
error-title-405 = Not allowed
error-title-413 = Too much data
error-title-429 = Too many attempts
error-title-500 = Something went wrong
error-title-503 = Temporarily unavailable
error-back-home = Back to the home page
error-request-id = Reference of this error:
error-bad-request = The request could not be understood.
error-unauthorized = You need to log in for this.
error-forbidden = You are not allowed to do this. If you think you should be, contact the portal administrator.
error-not-found = There is no such page, or you may not see it.
error-method-not-allowed = This page cannot be used that way.
error-payload-too-large = What you sent is too large.
error-too-many-requests = Too many attempts. Please wait a minute and try again.
error-internal = An unexpected error happened on our side. It has been recorded; please try again later.
error-unavailable = The portal cannot reach its database right now. Please try again in a few minutes.
error-validation = Some fields need your attention.
error-invalid-form = The form could not be read. Reload the page and try again.
error-invalid-json = The JSON body could not be read, or has unknown or repeated fields.
error-invalid-query = The address has unknown or invalid parameters.
error-required = This field is required.
error-email-invalid = Enter a valid email address, like name@example.kz.
error-email-taken = An account with this email address already exists.
error-name-too-long = The name is too long (at most 120 characters).
error-name-invalid = The name contains characters that are not allowed.
error-password-too-short = The password must have at least 15 characters.
error-password-too-long = The password is too long (at most 256 characters).
error-password-common = This password is too common and easy to guess. Choose another one.
error-password-personal = The password must not contain your name, your email address or the portal's name.
error-current-password-wrong = The current password is not right.
error-login-invalid = The email address or the password is not right.
error-login-throttled = Too many login attempts. Wait a few minutes, or reset your password.
error-login-unconfirmed = Your email address is not confirmed yet. We have sent you a new confirmation link.
error-login-disabled = This account is disabled. Contact the portal administrator.
error-link-invalid = This link is not valid. Copy the whole link from the email, or ask for a new one.
error-link-used = This link has already been used. Ask for a new one if you need it.
error-link-expired = This link has expired. Ask for a new one.
error-role-invalid = Choose one of the roles in the list.
error-token-name-invalid = The token name must be at most 80 characters, without line breaks.
error-last-admin = This would leave the portal without an active administrator.
error-cannot-disable-self = You cannot disable your own account.

## Emails
email-greeting = Dear { $name },
email-footer = KAZLOD grants portal — EU–Kazakhstan programme "Support to local development". This message was sent automatically; please do not reply.
email-confirm-email-subject = Confirm your email address
email-confirm-email-body = Thank you for registering on the KAZLOD grants portal. Confirm your email address by opening this link (valid for { $hours } hours):

    { $link }

    If you did not register, ignore this message.
email-reset-password-subject = Choose a new password
email-reset-password-body = Someone asked to reset the password of your account. Choose a new password with this link; it works once, for { $minutes } minutes:

    { $link }

    If it was not you, ignore this message: your password stays as it is.
email-invitation-subject = You are invited to the KAZLOD grants portal
email-invitation-body = An account has been opened for you on the KAZLOD grants portal with the role "{ $role }". Choose your password with this link (valid for { $hours } hours):

    { $link }
email-already-registered-subject = You already have an account
email-already-registered-body = Someone tried to register on the KAZLOD grants portal with this email address, which already has an account. Log in here:

    { $login_link }

    Forgot your password? Choose a new one here: { $reset_link }
email-password-changed-subject = Your password was changed
email-password-changed-body = The password of your account on the KAZLOD grants portal has just been changed, and your other sessions have ended. If it was not you, reset your password at once and tell the portal administrator.
