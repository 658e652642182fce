package org.openoqs.app.demo;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.openoqs.files.DurableWrites;
import org.openoqs.core.card.CredentialKind;
import org.openoqs.core.population.Personas;
import org.openoqs.core.registry.MyNumberCard;
import org.openoqs.pki.IndividualCertificateAuthority;
import org.openoqs.server.CentralServer;
import org.openoqs.server.card.CardIssuanceService;
import org.openoqs.terminal.reader.CardIssuer;
import org.openoqs.terminal.reader.CardReaderTerminal;
import org.openoqs.terminal.reader.SimulatedCardReader;

/**
 * The personas' cards, made as their issuer makes them (docs/card-path.md, "Cards"; docs/security.md, "Card and
 * API"): for every persona card and credential (the card, an iPhone, an Android phone) the key pair is generated on
 * the simulated chip, the central service's individuals' CA certifies the public key
 * ({@link CardIssuanceService#issueAtCardCreation}, in this process — the issuer's side, not a facility endpoint), and
 * the card goes into the demo reader's card folder, where the reader finds it as a real reader finds the card laid
 * on it. Cards the reader already holds are kept; a card the reader lost is made again and the old certificate is
 * revoked (再発行).
 */
final class DemoCards {

    static final String ISSUER_ACTOR = CardIssuanceService.ISSUER_ACTOR + " operator:" + DemoSystem.SETUP_ACTOR;

    private DemoCards() {
    }

    /**
     * The personas' cards for every demo facility's reader: made once into the clinic's reader, then laid on each
     * other facility's reader too, as the patient carries the one card from clinic to hospital. A reader that already
     * holds a card keeps its own copy (with its PIN counter); a card re-made for the clinic is not pushed to the
     * hospital, whose old copy then fails as a revoked card would.
     *
     * @return how many credentials were made now
     */
    static int ensure(CentralServer server, DemoHome home) throws IOException {
        Path made = cardsDirectory(home, DemoFacility.CLINIC);
        int count = ensure(server, made);
        for (DemoFacility f : DemoFacility.ALL) {
            if (f != DemoFacility.CLINIC) {
                handOver(made, cardsDirectory(home, f));
            }
        }
        return count;
    }

    static Path cardsDirectory(DemoHome home, DemoFacility f) {
        return CardReaderTerminal.cardsDirectory(home.terminalDirectory(f).resolve("reader"));
    }

    // Copies the card files the other reader lacks; card files hold the chip's key, so they stay owner only.
    private static void handOver(Path from, Path to) throws IOException {
        try (DirectoryStream<Path> cards = Files.newDirectoryStream(from, "*.card")) {
            for (Path card : cards) {
                Path target = to.resolve(card.getFileName().toString());
                if (Files.isRegularFile(card, LinkOption.NOFOLLOW_LINKS)
                        && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    DurableWrites.replace(target, Files.readAllBytes(card), DurableWrites.OWNER_ONLY);
                }
            }
        }
    }

    /** @return how many credentials were made now (0 when the reader held them all) */
    static int ensure(CentralServer server, Path cardsDirectory) {
        CardIssuanceService issuance = server.bean(CardIssuanceService.class);
        CardIssuer issuer = (cardId, kind, publicKeyDer) -> {
            CardIssuanceService.Issued issued = issuance.issueAtCardCreation(cardId, kind, publicKeyDer, ISSUER_ACTOR,
                    true);
            return new CardIssuer.Issued(IndividualCertificateAuthority.pem(issued.certificate()),
                    IndividualCertificateAuthority.pem(issued.caCertificate()), issued.pinLocked(),
                    issued.pinResetGeneration());
        };
        SimulatedCardReader reader = new SimulatedCardReader(cardsDirectory);
        int made = 0;
        for (MyNumberCard card : Personas.population().cards()) {
            for (CredentialKind kind : CredentialKind.values()) {
                if (reader.certificate(card.cardId(), kind).isEmpty()) {
                    reader.issueCard(card.cardId(), kind, issuer);
                    made++;
                }
            }
        }
        return made;
    }
}
