package dev.berth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityTest {
    @Test
    void hardenedPreset() {
        Security s = Security.hardened();
        assertThat(s.readOnlyRootfs()).isTrue();
        assertThat(s.tmpfs()).isEqualTo(Map.of("/tmp", ""));
        assertThat(s.capDrop()).containsExactly("ALL");
        assertThat(s.noNewPrivileges()).isTrue();
        assertThat(s.user()).hasValue("65534:65534");
        assertThat(s.privileged()).isFalse();
        assertThat(s.securityOpts()).containsExactly("no-new-privileges:true");
        assertThat(Security.defaults().securityOpts()).isEmpty();
    }

    @Test
    void normalisesCapabilityNames() {
        Security s = Security.defaults().withCapDrop("cap_chown", "NET_RAW").withCapAdd("Sys_Ptrace");
        assertThat(s.capDrop()).containsExactly("CHOWN", "NET_RAW");
        assertThat(s.capAdd()).containsExactly("SYS_PTRACE");
    }

    @Test
    void rejectsUnknownCapabilities() {
        assertThatThrownBy(() -> Security.defaults().withCapAdd("NET_ADMINN"))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid cap add: \"NET_ADMINN\". Allowed: a Linux capability name such as CHOWN, "
                        + "NET_ADMIN or SYS_PTRACE (with or without the CAP_ prefix, any case), or ALL. "
                        + "Example: \"NET_ADMIN\".");
        assertThatThrownBy(() -> Security.defaults().withCapDrop("CAP_WIZARD"))
                .hasMessage("Invalid cap drop: \"CAP_WIZARD\". Allowed: a Linux capability name such as CHOWN, "
                        + "NET_ADMIN or SYS_PTRACE (with or without the CAP_ prefix, any case), or ALL. "
                        + "Example: \"NET_ADMIN\".");
    }

    @Test
    void selinuxLabelsBecomeSecurityOptions() {
        Security s = Security.defaults().withSelinuxUser("system_u").withSelinuxRole("system_r")
                .withSelinuxType("container_t").withSelinuxLevel("s0:c100,c200").withNoNewPrivileges()
                .withSeccompUnconfined().withAppArmorProfile("unconfined");
        assertThat(s.securityOpts()).containsExactly("label=user:system_u", "label=role:system_r",
                "label=type:container_t", "label=level:s0:c100,c200", "no-new-privileges:true",
                "seccomp=unconfined", "apparmor=unconfined");
        assertThat(s.withSelinuxDisabled().securityOpts()).containsExactly("label=disable",
                "no-new-privileges:true", "seccomp=unconfined", "apparmor=unconfined");
        assertThatThrownBy(() -> Security.defaults().withSelinuxType("container t"))
                .hasMessage("Invalid SELinux type: \"container t\". Allowed: an SELinux type of letters, digits, "
                        + "'_', '.', ':', ',' or '-'. Example: \"container_t\".");
    }

    @Test
    void seccompProfileContentIsSentInline(@TempDir Path dir) throws Exception {
        Path profile = dir.resolve("deny-mkdir.json");
        Files.writeString(profile, "{\"defaultAction\": \"SCMP_ACT_ALLOW\"}\n");
        Security s = Security.defaults().withSeccompProfile(profile);
        assertThat(s.securityOpts()).containsExactly("seccomp={\"defaultAction\": \"SCMP_ACT_ALLOW\"}");
        assertThat(s.withSeccompDefault().securityOpts()).isEmpty();
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> Security.defaults().withSeccompProfile(missing))
                .hasMessage("Invalid seccomp profile: \"" + missing + "\". Allowed: a readable JSON seccomp profile "
                        + "file. Example: Path.of(\"src/test/resources/seccomp.json\").");
    }

    @Test
    void readOnlyRootfsWithTmpfsPaths() {
        Security s = Security.defaults().withReadOnlyRootfs("/tmp", "/run").withTmpfs("/cache", "size=16m");
        assertThat(s.tmpfs()).containsExactly(Map.entry("/tmp", ""), Map.entry("/run", ""),
                Map.entry("/cache", "size=16m"));
        assertThatThrownBy(() -> Security.defaults().withReadOnlyRootfs("tmp"))
                .hasMessage("Invalid tmpfs path: \"tmp\". Allowed: an absolute path other than /. Example: \"/tmp\".");
    }

    @Test
    void userAndPrivilegedAreExplicit() {
        assertThat(Security.defaults().withUser("nobody").user()).hasValue("nobody");
        assertThat(Security.defaults().withPrivileged().privileged()).isTrue();
        assertThatThrownBy(() -> Security.defaults().withUser("a b"))
                .hasMessage("Invalid user: \"a b\". Allowed: user, uid, user:group or uid:gid. "
                        + "Example: \"65534:65534\".");
        assertThat(List.of(Security.hardened())).containsExactly(Security.hardened());
    }

    @Test
    void privilegedWithOptionsItWouldVoidIsAContradiction() {
        String allowed = ". Allowed: privileged alone, or capabilities, seccomp and AppArmor profiles without"
                + " privileged (a privileged container gets every capability and runs without seccomp and AppArmor,"
                + " so the engine would silently ignore them; Security.hardened() drops every capability)."
                + " Example: Security.defaults().withPrivileged().";
        assertThatThrownBy(() -> Security.hardened().withPrivileged())
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("Invalid security: \"privileged with cap drop ALL\"" + allowed);
        assertThatThrownBy(() -> Security.defaults().withPrivileged().withCapAdd("net_admin"))
                .hasMessage("Invalid security: \"privileged with cap add NET_ADMIN\"" + allowed);
        assertThatThrownBy(() -> Security.defaults().withAppArmorProfile("docker-default").withPrivileged())
                .hasMessage("Invalid security: \"privileged with AppArmor profile docker-default\"" + allowed);
        Security fine = Security.defaults().withPrivileged().withSeccompUnconfined().withAppArmorProfile("unconfined")
                .withReadOnlyRootfs("/tmp").withUser("nobody");
        assertThat(fine.privileged()).isTrue();
    }

    @Test
    void aTmpfsAloneLeavesTheRootWritable() {
        Security s = Security.defaults().withTmpfs("/x", "");
        assertThat(s.readOnlyRootfs()).isFalse();
        assertThat(s.tmpfs()).containsExactly(java.util.Map.entry("/x", ""));
    }
}
