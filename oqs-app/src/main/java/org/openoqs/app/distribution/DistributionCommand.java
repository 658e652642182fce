package org.openoqs.app.distribution;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.openoqs.app.doctor.TerminalSetupLoader;
import org.openoqs.terminal.central.ConnectionResult;
import org.openoqs.terminal.distribution.CycleReport;
import org.openoqs.terminal.distribution.DistributionAgent;
import org.openoqs.terminal.central.DistributionUnavailableException;
import org.openoqs.terminal.distribution.InstalledComponents;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code oqs distribution …}: the distribution app (配信アプリケーション) and its management tool
 * (管理ツール): connection check, registration, 配信実績, updates, version screen, roll-back, and {@code run} for the
 * agent itself; {@code publish} on the service side. docs/distribution.md.
 */
@Command(name = "distribution", mixinStandardHelpOptions = true,
        description = "The distribution app (配信アプリケーション): connection check, records, updates, versions, roll-back.",
        subcommands = {DistributionCommand.Check.class, DistributionCommand.Register.class,
                DistributionCommand.Records.class, DistributionCommand.Update.class, DistributionCommand.Versions.class,
                DistributionCommand.Rollback.class, DistributionCommand.Run.class, PublishCommand.class})
public final class DistributionCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code --home DIR}: terminal home or demo home. */
    static final class Home {
        @Option(names = "--home", paramLabel = "DIR", required = true, description = "Terminal home or demo home.")
        Path dir;

        TerminalSetupLoader.Loaded load() throws java.io.IOException {
            return TerminalSetupLoader.load(dir);
        }

        TerminalServices services() throws java.io.IOException {
            return TerminalServices.of(load().setup());
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "配信サーバーへの接続確認: prints 接続成功, or 接続失敗 with the precise reason (exit 1).")
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        Home home;

        @Override
        public Integer call() throws Exception {
            ConnectionResult result = home.services().server().checkConnection();
            PrintWriter out = spec.commandLine().getOut();
            out.println(result.message());
            result.institutionCode().ifPresent(code -> out.println("医療機関コード: " + code));
            return result.connected() ? 0 : 1;
        }
    }

    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "Registers this terminal (institution code + computer name) with the distribution service.")
    static final class Register implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        Home home;

        @Override
        public Integer call() throws Exception {
            TerminalServices services = home.services();
            try {
                var registration = services.server().register(services.computerName(), TerminalServices.agentVersion());
                spec.commandLine().getOut().println("登録しました: 医療機関コード " + registration.institutionCode()
                        + "、コンピューター名 " + registration.computerName());
                return 0;
            } catch (DistributionUnavailableException | org.openoqs.terminal.central.DistributionRefusedException e) {
                spec.commandLine().getErr().println("接続失敗: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "records", mixinStandardHelpOptions = true,
            description = "配信実績の確認: the registrations this terminal made (institution code, computer name).")
    static final class Records implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        Home home;

        @Override
        public Integer call() throws Exception {
            Path records = home.services().home().records();
            if (!Files.isRegularFile(records)) {
                spec.commandLine().getErr().println("配信実績がありません（" + records + "）。配信アプリケーションが登録を済ませていません。");
                return 1;
            }
            spec.commandLine().getOut().print(Files.readString(records, StandardCharsets.UTF_8));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "One agent cycle now: register, install newer verified packages, report versions.")
    static final class Update implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        Home home;

        @Override
        public Integer call() throws Exception {
            TerminalSetupLoader.Loaded loaded = home.load();
            CycleReport report = TerminalServices.of(loaded.setup()).agent(TerminalServices.DEFAULT_INTERVAL,
                    loaded.autoRenewDays()).runOnce();
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (report.problem().isPresent()) {
                err.println("接続失敗: " + report.problem().get().message());
                return 1;
            }
            report.installed().forEach(i -> out.println("インストールしました: " + i));
            report.refused().forEach(err::println);
            if (report.installed().isEmpty() && report.refused().isEmpty()) {
                out.println("最新の状態です。");
            }
            return report.refused().isEmpty() ? 0 : 1;
        }
    }

    @Command(name = "versions", mixinStandardHelpOptions = true,
            description = "アプリバージョン情報: the version in use of every component, the previous one, the newest offered.")
    static final class Versions implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        Home home;

        @Override
        public Integer call() throws Exception {
            TerminalServices services = home.services();
            PrintWriter out = spec.commandLine().getOut();
            var offered = new java.util.HashMap<String, String>();
            try {
                for (var p : services.server().packages()) {
                    offered.merge(p.component(), p.version().text(), (a, b) ->
                            org.openoqs.terminal.central.PackageVersion.of(a)
                                    .compareTo(org.openoqs.terminal.central.PackageVersion.of(b)) >= 0 ? a : b);
                }
            } catch (DistributionUnavailableException | org.openoqs.terminal.central.DistributionRefusedException e) {
                out.println("（配信サーバーに接続できないため最新バージョンは表示できません: " + e.getMessage() + "）");
            }
            out.println("配信アプリケーション " + TerminalServices.agentVersion());
            for (InstalledComponents.ComponentState s : services.components().all()) {
                String newest = offered.get(s.component());
                out.println(s.component() + " " + s.current() + s.previous().map(p -> "（以前: " + p + "）").orElse("")
                        + (newest == null ? "" : newest.equals(s.current().text()) ? " 最新" : " 最新: " + newest));
            }
            offered.keySet().stream().filter(c -> services.components().state(c).isEmpty()).sorted()
                    .forEach(c -> out.println(c + " 未インストール（最新: " + offered.get(c) + "）"));
            return 0;
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Returns a component to its previous version (run again to undo).")
    static final class Rollback implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        Home home;
        @Option(names = "--component", required = true, paramLabel = "NAME", description = "e.g. oqs-terminal")
        String component;

        @Override
        public Integer call() throws Exception {
            try {
                var state = home.services().components().rollBack(component);
                spec.commandLine().getOut().println(component + " を " + state.current() + " に戻しました（以前: "
                        + state.previous().map(Object::toString).orElse("-") + "）。");
                return 0;
            } catch (IllegalStateException | IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Runs the distribution agent until stopped: every interval it checks the certificate",
                    "(expiry warnings, auto-renewal when certificate.auto-renew.days > 0), registers, updates, reports."})
    static final class Run implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Mixin
        Home home;
        @Option(names = "--interval-minutes", defaultValue = "60", description = "Cycle interval (default ${DEFAULT-VALUE}).")
        long minutes;

        @Override
        public Integer call() throws Exception {
            TerminalSetupLoader.Loaded loaded = home.load();
            DistributionAgent agent = TerminalServices.of(loaded.setup())
                    .agent(java.time.Duration.ofMinutes(Math.max(1, minutes)), loaded.autoRenewDays());
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                agent.close();
                stopped.countDown();
            }, "oqs-distribution-shutdown"));
            agent.start();
            spec.commandLine().getOut().println("oqs distribution agent running for " + loaded.setup().computerName());
            spec.commandLine().getOut().flush();
            stopped.await();
            return 0;
        }
    }
}
