import os, sys
ROOT = '/work/wt/plugin/jenkins-api-stubs/src/main/java/'
REPOS = {
 'CORE': ('jenkinsci/jenkins', 'jenkins-2.541.3', 'core/src/main/java/'),
 'REM': ('jenkinsci/remoting', '3352.v17a_fb_4b_2773f', 'src/main/java/'),
 'STAP': ('jenkinsci/stapler', '2050.v425108fd5089', 'core/src/main/java/'),
 'CRED': ('jenkinsci/credentials-plugin', '1511.v2e3cb_0008ef0', 'src/main/java/'),
 'WSA': ('jenkinsci/workflow-step-api-plugin', '724.v538c2362b_dfb_', 'src/main/java/'),
 'DC': ('jenkinsci/docker-commons-plugin', '477.v289085a_b_6896', 'src/main/java/'),
 'SYM': ('jenkinsci/lib-symbol-annotation', 'symbol-annotation-1.26', 'src/main/java/'),
 'AI': ('jenkinsci/lib-annotation-indexer', '1.213.v92788b_1f0a_21', 'src/main/java/'),
 'UI': ('jenkinsci/jenkins', 'jenkins-2.541.3', 'core/src/main/java/'),
}
def w(src, fqcn, body):
    repo, tag, base = REPOS[src]
    pkg, _, name = fqcn.rpartition('.')
    rel = fqcn.replace('.', '/') + '.java'
    hdr = ("/*\n * Compile-only stub of %s %s%s at tag %s.\n"
           " * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;\n"
           " * bodies are not Jenkins' code. Never packaged into the plugin.\n */\n") % (repo, base, rel, tag)
    path = ROOT + rel
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        f.write(hdr + 'package ' + pkg + ';\n\n' + body.strip() + '\n')
