package io.meterflow.collector.polling.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NovaDomainXmlTest {

    private final NovaDomainXml parser = new NovaDomainXml();

    static String resource(String name) {
        try (InputStream in = NovaDomainXmlTest.class.getResourceAsStream("/domains/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsInstanceOwnerFlavorAndImageFromNovaMetadata11() {
        NovaInstance instance = parser.parse(resource("nova-1.1.xml")).orElseThrow();

        assertThat(instance.id()).isEqualTo("3cc4f443-c5d6-4865-a730-08b6874bdad8");
        assertThat(instance.domainName()).isEqualTo("instance-0000000a");
        assertThat(instance.displayName()).isEqualTo("web-1");
        assertThat(instance.projectId()).isEqualTo("3d756af19eb496de570cebd361d87202");
        assertThat(instance.userId()).isEqualTo("ba513e5d16191430cd090b44b34598d5");
        assertThat(instance.flavor()).isEqualTo(new Flavor("c1.large.eph", 4, 8192, 40, 100, 2048));
        assertThat(instance.imageId()).isEqualTo("391cf461-036e-4ea9-946f-b2eb5863d953");
        assertThat(instance.osType()).isEqualTo("hvm");
        assertThat(instance.architecture()).isEqualTo("x86_64");
    }

    @Test
    void fallsBackToNovaMetadata10() {
        NovaInstance instance = parser.parse(resource("nova-1.0.xml")).orElseThrow();

        assertThat(instance.projectId()).isEqualTo("p-1");
        assertThat(instance.flavor().name()).isEqualTo("m1.tiny");
        assertThat(instance.imageId()).isNull();
        assertThat(instance.architecture()).isEqualTo("aarch64");
        assertThat(instance.disks()).isEmpty();
        assertThat(instance.nics()).isEmpty();
    }

    @Test
    void domainWithoutNovaMetadataIsNoInstance() {
        assertThat(parser.parse(resource("plain.xml"))).isEmpty();
    }

    @Test
    void novaMetadataWithoutOwnerIsRefusedWithTheDomainName() {
        assertThatThrownBy(() -> parser.parse(resource("nova-without-owner.xml")))
                .isInstanceOf(MalformedDomainXmlException.class)
                .hasMessageContaining("instance-000000ff");
    }

    @Test
    void unparsableXmlIsRefused() {
        assertThatThrownBy(() -> parser.parse("<domain><name>x</domain>"))
                .isInstanceOf(MalformedDomainXmlException.class);
    }

    @Test
    void keepsDisksWithASourceOnly() {
        NovaInstance instance = parser.parse(resource("nova-1.1.xml")).orElseThrow();

        assertThat(instance.disks()).containsExactly(new Disk("vda"), new Disk("vdb"));
    }

    @Test
    void keepsInterfacesWithTargetAndMacWithCeilometersParameters() {
        NovaInstance instance = parser.parse(resource("nova-1.1.xml")).orElseThrow();

        Map<String, String> filtered = new LinkedHashMap<>();
        filtered.put("ip", "10.0.0.11");
        filtered.put("interfaceid", "cd4e2e4e-2a11-4c4c-9d9d-000000000001");
        filtered.put("bridge", "br-int");
        Map<String, String> plain = new LinkedHashMap<>();
        plain.put("interfaceid", null);
        plain.put("bridge", "qbr1");
        assertThat(instance.nics())
                .containsExactly(
                        new Nic(
                                "tapcd4e2e4e-2a",
                                "fa:16:3e:01:00:11",
                                "nova-instance-instance-0000000a-fa163e010011",
                                filtered),
                        new Nic("tap11111111-22", "fa:16:3e:01:01:11", null, plain));
    }

    @Test
    void interfaceResourceIdIsTheFilterNameWhereThereIsOne() {
        NovaInstance instance = parser.parse(resource("nova-1.1.xml")).orElseThrow();

        assertThat(instance.nics().get(0).resourceId(instance))
                .isEqualTo("nova-instance-instance-0000000a-fa163e010011");
        assertThat(instance.nics().get(0).vnicName()).isEqualTo("nova-instance-instance-0000000a-fa163e010011");
        assertThat(instance.nics().get(1).resourceId(instance))
                .isEqualTo("instance-0000000a-3cc4f443-c5d6-4865-a730-08b6874bdad8-tap11111111-22");
        assertThat(instance.nics().get(1).vnicName()).isEqualTo("tap11111111-22");
    }
}
