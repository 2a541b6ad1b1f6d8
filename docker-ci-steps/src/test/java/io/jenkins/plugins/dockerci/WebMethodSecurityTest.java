package io.jenkins.plugins.dockerci;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dockerci.testsupport.ClassFile.MethodInfo;
import io.jenkins.plugins.dockerci.testsupport.ClassFile;
import io.jenkins.plugins.dockerci.testsupport.Classpaths;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.verb.POST;

/**
 * Every web method ({@code doCheck*}, {@code doFill*}, any public {@code do*}) answers POST only and checks a
 * permission before doing anything else: Overall/Read users can call them, and they may touch credentials or hosts.
 */
class WebMethodSecurityTest {

    // canConfigureThen runs its check only after canConfigure
    private static final Set<String> PERMISSION_CHECKS = Set.of("checkPermission", "hasPermission", "canConfigure", "canConfigureThen",
            "canListCredentials");

    @Test
    void everyWebMethodIsPostOnlyAndChecksAPermission() throws Exception {
        List<String> webMethods = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ClassFile c : ClassFile.readAll(Classpaths.pluginClasses())) {
            Class<?> type = Class.forName(c.name(), false, getClass().getClassLoader());
            for (MethodInfo info : c.methods()) {
                Method method = publicWebMethod(type, info);
                if (method == null) {
                    continue;
                }
                String where = type.getSimpleName() + "." + method.getName();
                webMethods.add(where);
                if (!method.isAnnotationPresent(POST.class)) {
                    problems.add(where + " is not @POST");
                }
                if (info.invokedNames().stream().noneMatch(PERMISSION_CHECKS::contains)) {
                    problems.add(where + " checks no permission");
                }
            }
        }

        assertThat(webMethods).as("the walk must find the form methods").contains(
                "DockerCiConfiguration.doCheckDockerHostUri", "RegistryEndpoint$DescriptorImpl.doFillCredentialsIdItems"
                        .replace("RegistryEndpoint$", ""));
        assertThat(problems).isEmpty();
    }

    private static Method publicWebMethod(Class<?> type, MethodInfo info) {
        if (!info.name().matches("do[A-Z].*")) {
            return null;
        }
        for (Method m : type.getDeclaredMethods()) {
            if (m.getName().equals(info.name()) && Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) {
                return m;
            }
        }
        return null;
    }
}
