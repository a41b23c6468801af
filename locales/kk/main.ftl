nav-login = Log in
