package com.rooms.api;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import javax.management.JMException;
import javax.management.ObjectName;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.rooms.config.RoomsConfig;

/**
 * {@code POST /api/bench/heap}, in benchmark mode only (404 otherwise): runs
 * a full garbage collection (unless {@code ?gc=false}), then answers the heap
 * in use, the process's CPU time so far, its live threads and its open
 * file descriptors (-1 where the platform does not tell), all read from the
 * JVM's management beans (JMX). The load generator's {@code connections}
 * scenario divides the heap by the connections held and the CPU time by the
 * idle seconds; {@code close-storm} watches threads and descriptors.
 *
 * <pre>{"heap_used_bytes": 83886080, "cpu_time_ns": 51200000000, "uptime_ms": 600000, "processors": 2,
 *  "threads": 61, "open_descriptors": 140}</pre>
 */
@Path("bench/heap")
@RequestScoped
public class HeapProbe {
    @Inject
    RoomsConfig config;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public String collectAndMeasure(@QueryParam("gc") @DefaultValue("true") boolean gc) {
        if (!config.bench()) {
            throw new NotFoundException();
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        if (gc) {
            memory.gc();
            memory.gc();
        }
        long cpu = osLong("ProcessCpuTime");
        return Json.createObjectBuilder()
                .add("heap_used_bytes", memory.getHeapMemoryUsage().getUsed())
                .add("cpu_time_ns", cpu)
                .add("uptime_ms", ManagementFactory.getRuntimeMXBean().getUptime())
                .add("processors", Runtime.getRuntime().availableProcessors())
                .add("threads", ManagementFactory.getThreadMXBean().getThreadCount())
                .add("open_descriptors", osLong("OpenFileDescriptorCount"))
                .build().toString();
    }

    private static long osLong(String attribute) {
        try {
            Object value = ManagementFactory.getPlatformMBeanServer()
                    .getAttribute(new ObjectName("java.lang:type=OperatingSystem"), attribute);
            return value instanceof Long number ? number : -1;
        } catch (JMException e) {
            return -1;
        }
    }
}
