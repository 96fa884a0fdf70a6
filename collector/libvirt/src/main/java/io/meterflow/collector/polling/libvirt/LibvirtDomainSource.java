package io.meterflow.collector.polling.libvirt;

import io.meterflow.collector.polling.MeterSelection;
import io.meterflow.collector.polling.PollingCycle;
import io.meterflow.collector.polling.ResourceGoneException;
import io.meterflow.collector.polling.ResourceSource;
import io.meterflow.collector.polling.compute.BlockInfo;
import io.meterflow.collector.polling.compute.BlockStats;
import io.meterflow.collector.polling.compute.ComputePollster;
import io.meterflow.collector.polling.compute.Disk;
import io.meterflow.collector.polling.compute.DomainStats;
import io.meterflow.collector.polling.compute.Inspection;
import io.meterflow.collector.polling.compute.InterfaceStats;
import io.meterflow.collector.polling.compute.MemoryStats;
import io.meterflow.collector.polling.compute.Nic;
import io.meterflow.collector.polling.compute.NovaDomainXml;
import io.meterflow.collector.polling.compute.NovaInstance;
import io.meterflow.collector.polling.compute.PowerState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainBlockInfo;
import org.libvirt.DomainBlockStats;
import org.libvirt.DomainInfo;
import org.libvirt.DomainInterfaceStats;
import org.libvirt.Error;
import org.libvirt.LibvirtException;
import org.libvirt.MemoryStatistic;
import org.libvirt.VcpuInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The libvirt I/O of compute polling: lists the domains, reads each one's state, XML and only the
 * statistics the selected pollsters need, and hands the pure mapping a {@link DomainStats}.
 * Shut-off domains are skipped, as are domains without Nova metadata (one warning per domain).
 * A device whose statistics fail is left out with a warning, as Ceilometer does.
 *
 * <p>Never calls {@code virDomainGetCPUStats} per CPU: libvirt-java 0.5.4 corrupts native memory
 * there. Domains may be loaded from several threads at once; cycles run one at a time, which
 * {@code PollingLoop} guarantees.
 */
public final class LibvirtDomainSource implements ResourceSource<DomainStats> {

    private static final Logger LOG = LoggerFactory.getLogger(LibvirtDomainSource.class);

    /** {@code VIR_DOMAIN_MEMORY_STAT_NR}: ask for every statistic the driver has. */
    private static final int MEMORY_STAT_COUNT = 13;

    private static final int SWAP_IN = 0;
    private static final int SWAP_OUT = 1;
    private static final int UNUSED = 4;
    private static final int AVAILABLE = 5;
    private static final int RSS = 7;
    private static final int USABLE = 8;

    private final Reconnecting<Connect> connection;
    private final Set<Inspection> inspections;
    private final ThreadLocal<NovaDomainXml> xml = ThreadLocal.withInitial(NovaDomainXml::new);
    private final Set<String> warnedNotNova = ConcurrentHashMap.newKeySet();
    /** The last XML of each domain and what it said: parsing is the costliest step, and XML rarely changes. */
    private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

    public LibvirtDomainSource(Reconnecting<Connect> connection, Set<Inspection> inspections) {
        this.connection = connection;
        this.inspections = inspections.isEmpty() ? EnumSet.noneOf(Inspection.class) : EnumSet.copyOf(inspections);
    }

    /**
     * One polling cycle over this hypervisor's Nova instances: the compute pollsters {@code meters}
     * selects, and only the libvirt calls they need.
     */
    public static PollingCycle<DomainStats> cycle(
            Reconnecting<Connect> connection, MeterSelection meters, Clock clock, String host) {
        List<ComputePollster> pollsters = PollingCycle.selected(ComputePollster.all(), meters);
        Set<Inspection> inspections = EnumSet.noneOf(Inspection.class);
        pollsters.forEach(p -> inspections.addAll(p.inspections()));
        return new PollingCycle<>(new LibvirtDomainSource(connection, inspections), pollsters, meters, clock, host);
    }

    /** A reconnecting read-only connection to {@code uri}. */
    public static Reconnecting<Connect> connect(String uri) {
        return new Reconnecting<>(uri, () -> new Connect(uri, true), LibvirtDomainSource::closeQuietly);
    }

    @Override
    public List<Handle<DomainStats>> discover() {
        Domain[] domains = connection.call("listing domains", c -> c.listAllDomains(0));
        if (parsed.size() > 2 * domains.length + 64) {
            parsed.clear(); // domains come and go: keep the cache near the host's size
        }
        List<Handle<DomainStats>> handles = new ArrayList<>(domains.length);
        for (Domain domain : domains) {
            handles.add(new DomainHandle(domain));
        }
        return handles;
    }

    private final class DomainHandle implements Handle<DomainStats> {

        private final Domain domain;
        private String name;

        DomainHandle(Domain domain) {
            this.domain = domain;
        }

        @Override
        public String id() {
            return name != null ? name : String.valueOf(domain);
        }

        @Override
        public Optional<DomainStats> load() {
            try {
                name = domain.getName();
                DomainInfo info = domain.getInfo();
                PowerState state = PowerState.of(info.state.ordinal());
                if (state == PowerState.SHUTOFF) {
                    return Optional.empty();
                }
                Optional<NovaInstance> instance = instance(name, domain.getXMLDesc(0));
                if (instance.isEmpty()) {
                    if (warnedNotNova.add(name)) {
                        LOG.warn("Domain {} has no Nova metadata and is not polled", name);
                    }
                    return Optional.empty();
                }
                return Optional.of(read(instance.get(), state, info));
            } catch (LibvirtException e) {
                throw gone(e) ? new ResourceGoneException(id(), e) : new IllegalStateException(e.getMessage(), e);
            }
        }

        @Override
        public void release() {
            try {
                domain.free();
            } catch (LibvirtException e) {
                LOG.debug("Freeing domain {} failed: {}", id(), e.getMessage());
            }
        }

        private DomainStats read(NovaInstance instance, PowerState state, DomainInfo info) throws LibvirtException {
            Long cpuTime = null;
            if (inspections.contains(Inspection.VCPUS)) {
                cpuTime = vcpuTime(info);
            }
            MemoryStats memory = inspections.contains(Inspection.MEMORY) ? memory() : null;
            Map<String, BlockStats> blockStats = new HashMap<>();
            Map<String, BlockInfo> blockInfo = new HashMap<>();
            for (Disk disk : instance.disks()) {
                String dev = disk.device();
                if (inspections.contains(Inspection.BLOCK_STATS)) {
                    try {
                        DomainBlockStats s = domain.blockStats(dev);
                        blockStats.put(dev, new BlockStats(s.rd_req, s.rd_bytes, s.wr_req, s.wr_bytes));
                    } catch (LibvirtException e) {
                        deviceFailed(e, "block stats", dev);
                    }
                }
                if (inspections.contains(Inspection.BLOCK_INFO)) {
                    try {
                        DomainBlockInfo s = domain.blockInfo(dev);
                        blockInfo.put(dev, new BlockInfo(s.getCapacity(), s.getAllocation(), s.getPhysical()));
                    } catch (LibvirtException e) {
                        deviceFailed(e, "block info", dev);
                    }
                }
            }
            Map<String, InterfaceStats> interfaces = new HashMap<>();
            if (inspections.contains(Inspection.INTERFACES)) {
                for (Nic nic : instance.nics()) {
                    try {
                        DomainInterfaceStats s = domain.interfaceStats(nic.device());
                        interfaces.put(
                                nic.device(),
                                new InterfaceStats(
                                        s.rx_bytes,
                                        s.rx_packets,
                                        s.rx_errs,
                                        s.rx_drop,
                                        s.tx_bytes,
                                        s.tx_packets,
                                        s.tx_errs,
                                        s.tx_drop));
                    } catch (LibvirtException e) {
                        deviceFailed(e, "interface stats", nic.device());
                    }
                }
            }
            return new DomainStats(instance, state, info.nrVirtCpu, cpuTime, memory, blockStats, blockInfo, interfaces);
        }

        /** Σ per-vcpu time, as Ceilometer's bulk-stats sum; the domain's total when per-vcpu times fail. */
        private Long vcpuTime(DomainInfo info) throws LibvirtException {
            try {
                long sum = 0;
                for (VcpuInfo vcpu : domain.getVcpusInfo()) {
                    sum += vcpu.cpuTime;
                }
                return sum;
            } catch (LibvirtException e) {
                if (gone(e)) {
                    throw e;
                }
                LOG.debug("Per-vcpu times of domain {} unavailable ({}); using its cpu time", name, e.getMessage());
                return info.cpuTime;
            }
        }

        private MemoryStats memory() throws LibvirtException {
            try {
                Map<Integer, Long> values = new HashMap<>();
                for (MemoryStatistic stat : domain.memoryStats(MEMORY_STAT_COUNT)) {
                    values.put(stat.getTag(), stat.getValue());
                }
                return new MemoryStats(
                        values.get(AVAILABLE),
                        values.get(UNUSED),
                        values.get(USABLE),
                        values.get(RSS),
                        values.get(SWAP_IN),
                        values.get(SWAP_OUT));
            } catch (LibvirtException e) {
                if (gone(e)) {
                    throw e;
                }
                LOG.warn("Memory statistics of domain {} unavailable: {}", name, e.getMessage());
                return null;
            }
        }

        private void deviceFailed(LibvirtException e, String what, String device) throws LibvirtException {
            if (gone(e)) {
                throw e;
            }
            LOG.warn("No {} for device {} of domain {}: {}", what, device, name, e.getMessage());
        }
    }

    private Optional<NovaInstance> instance(String domainName, String domainXml) {
        Parsed last = parsed.get(domainName);
        if (last != null && last.xml().equals(domainXml)) {
            return last.instance();
        }
        Optional<NovaInstance> instance = xml.get().parse(domainXml);
        parsed.put(domainName, new Parsed(domainXml, instance));
        return instance;
    }

    private record Parsed(String xml, Optional<NovaInstance> instance) {}

    private static boolean gone(LibvirtException e) {
        return e.getError() != null && e.getError().getCode() == Error.ErrorNumber.VIR_ERR_NO_DOMAIN;
    }

    private static void closeQuietly(Connect connect) {
        try {
            connect.close();
        } catch (LibvirtException | RuntimeException e) {
            LOG.debug("Closing a failed libvirt connection: {}", e.toString());
        }
    }
}
