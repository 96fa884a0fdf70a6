package io.meterflow.demo.hypervisor;

import io.meterflow.demo.scenario.CloudScenario.LiveInstance;
import io.meterflow.demo.scenario.DemoProject;
import io.meterflow.demo.scenario.Flavor;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A node file for libvirt's test driver ({@code test:///path/node.xml}) whose running domains are
 * the demo's instances, with the Nova metadata (1.1) Nova writes, so the collector's polled
 * {@code cpu}, {@code memory.usage} and network samples belong to the demo projects. Static: the
 * test driver does not change, so only instances that live forever and keep their flavor belong in
 * it (a polled sample of a resized instance would flip its flavor back between notifications).
 */
public final class TestNodeXml {

    private static final DateTimeFormatter CREATION =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private TestNodeXml() {}

    public static String of(List<LiveInstance> instances) {
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version='1.0'?>\n");
        xml.append("<!-- Meterflow demo: libvirt test-driver node with the demo's steady instances -->\n");
        xml.append("<node>\n  <cpu>\n    <mhz>2600</mhz>\n    <model>x86_64</model>\n    <active>16</active>\n");
        xml.append(
                "    <nodes>1</nodes>\n    <sockets>2</sockets>\n    <cores>4</cores>\n    <threads>2</threads>\n  </cpu>\n");
        xml.append("  <memory>67108864</memory>\n");
        for (int i = 0; i < instances.size(); i++) {
            xml.append(domain(i + 1, instances.get(i)));
        }
        xml.append("</node>\n");
        return xml.toString();
    }

    private static String domain(int number, LiveInstance instance) {
        Flavor flavor = instance.flavor();
        DemoProject project = instance.plan().project();
        String id = instance.id();
        String port = id.substring(0, 8) + "-0000-4000-8000-" + id.substring(24);
        String mac = "fa:16:3e:00:%02x:%02x".formatted(number / 256, number % 256);
        long memoryKib = flavor.memoryMb() * 1024L;
        return """
                  <domain type='test' xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>
                    <name>instance-%08x</name>
                    <uuid>%s</uuid>
                    <metadata>
                      <nova:instance xmlns:nova="http://openstack.org/xmlns/libvirt/nova/1.1">
                        <nova:package version="26.2.0"/>
                        <nova:name>%s</nova:name>
                        <nova:creationTime>%s</nova:creationTime>
                        <nova:flavor name="%s">
                          <nova:memory>%d</nova:memory>
                          <nova:disk>%d</nova:disk>
                          <nova:swap>0</nova:swap>
                          <nova:ephemeral>0</nova:ephemeral>
                          <nova:vcpus>%d</nova:vcpus>
                        </nova:flavor>
                        <nova:owner>
                          <nova:user uuid="%s">%s</nova:user>
                          <nova:project uuid="%s">%s</nova:project>
                        </nova:owner>
                        <nova:root type="image" uuid="e863e95a-9869-4017-9c00-9490056eb1b8"/>
                      </nova:instance>
                    </metadata>
                    <memory unit='KiB'>%d</memory>
                    <currentMemory unit='KiB'>%d</currentMemory>
                    <vcpu placement='static'>%d</vcpu>
                    <os>
                      <type arch='x86_64'>hvm</type>
                      <boot dev='hd'/>
                    </os>
                    <clock offset='utc'/>
                    <on_poweroff>destroy</on_poweroff>
                    <on_reboot>restart</on_reboot>
                    <on_crash>destroy</on_crash>
                    <devices>
                      <disk type='file' device='disk'>
                        <driver name='qemu' type='qcow2' cache='none'/>
                        <source file='/var/lib/nova/instances/%s/disk'/>
                        <target dev='vda' bus='virtio'/>
                      </disk>
                      <interface type='bridge'>
                        <mac address='%s'/>
                        <source bridge='br-int'/>
                        <virtualport type='openvswitch'>
                          <parameters interfaceid='%s'/>
                        </virtualport>
                        <target dev='tap%s'/>
                        <model type='virtio'/>
                      </interface>
                    </devices>
                    <test:runstate>1</test:runstate>
                  </domain>
                """.formatted(
                        number,
                        id,
                        instance.displayName(),
                        CREATION.format(instance.life().created()),
                        flavor.name(),
                        flavor.memoryMb(),
                        flavor.rootGb(),
                        flavor.vcpus(),
                        project.userId(),
                        project.userName(),
                        project.id(),
                        project.key(),
                        memoryKib,
                        memoryKib,
                        flavor.vcpus(),
                        id,
                        mac,
                        port,
                        port.substring(0, 11));
    }
}
