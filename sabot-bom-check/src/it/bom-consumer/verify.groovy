// Post-build check of the BOM consumer. Fails the build with a message naming what is wrong.
import groovy.xml.XmlSlurper

def problems = []
def effective = new XmlSlurper().parse(new File(basedir, 'effective-pom.xml'))
def managed = effective.dependencyManagement.dependencies.dependency.collect {
    [group: it.groupId.text(), artifact: it.artifactId.text(), version: it.version.text()]
}
if (managed.isEmpty()) {
    problems << 'the consumer manages no dependency at all: the BOM import did not take effect'
}
managed.findAll { it.group != 'io.sabot' }.each {
    problems << "the BOM pins a third-party artifact: ${it.group}:${it.artifact}:${it.version}"
}
managed.findAll { it.group == 'io.sabot' && it.version != sabotVersion }.each {
    problems << "the BOM manages ${it.artifact} at ${it.version}, not at the build's version ${sabotVersion}"
}

def root = new File(sabotRoot).canonicalFile
def inBom = managed.findAll { it.group == 'io.sabot' }.collect { it.artifact } as Set
def rootPom = new XmlSlurper().parse(new File(root, 'pom.xml'))
def published = [] as Set
rootPom.modules.module.each { m ->
    def pom = new XmlSlurper().parse(new File(root, "${m.text()}/pom.xml"))
    def artifact = pom.artifactId.text()
    boolean skipped = pom.properties.'maven.deploy.skip'.text() == 'true'
    if (!skipped && artifact != 'sabot-bom') {
        published << artifact
    }
}
(published - inBom).each { problems << "published module ${it} is missing from sabot-bom" }
(inBom - published).each { problems << "sabot-bom names ${it}, which is not a published module of this build" }

if (problems) {
    throw new AssertionError('BOM check failed:\n  - ' + problems.join('\n  - '))
}
println "BOM check passed: ${inBom.size()} io.sabot artifacts managed, nothing else."
return true
