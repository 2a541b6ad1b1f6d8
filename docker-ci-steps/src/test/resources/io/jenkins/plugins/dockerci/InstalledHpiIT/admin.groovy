// init.groovy.d script of the test Jenkins: what an admin sets up once by hand. One administrator (the test's
// random password replaces @ADMIN_PASSWORD@) and no anonymous access.
import hudson.security.FullControlOnceLoggedInAuthorizationStrategy
import hudson.security.HudsonPrivateSecurityRealm
import jenkins.model.Jenkins

def jenkins = Jenkins.get()
def realm = new HudsonPrivateSecurityRealm(false, false, null)
realm.createAccount('admin', '@ADMIN_PASSWORD@')
jenkins.securityRealm = realm
def authorization = new FullControlOnceLoggedInAuthorizationStrategy()
authorization.allowAnonymousRead = false
jenkins.authorizationStrategy = authorization
jenkins.save()
