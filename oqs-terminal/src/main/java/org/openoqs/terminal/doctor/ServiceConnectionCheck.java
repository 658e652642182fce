package org.openoqs.terminal.doctor;

/**
 * Seed ch. 7 (オンライン資格確認等システムに接続する): the service answers this terminal over mutual TLS and knows its
 * facility. A failure names the layer (DNS, port, server certificate, client certificate, refusal).
 */
public final class ServiceConnectionCheck implements DoctorCheck {
    @Override
    public String id() {
        return "service.connection";
    }

    @Override
    public Finding run(DoctorContext context) {
        DoctorContext.ServiceCall facility = context.get("api/v1/facility");
        if (facility.ok()) {
            String name = facility.json().path("name").asString("");
            return Finding.ok(id(), "オンライン資格確認等システムに接続できました（" + context.setup().serviceUri() + "、" + name + "）");
        }
        return Finding.fail(id(), "オンライン資格確認等システムに接続できません: " + facility.failure(),
                "接続先（service.uri）、回線、プロキシ、電子証明書を確認してください。");
    }
}
