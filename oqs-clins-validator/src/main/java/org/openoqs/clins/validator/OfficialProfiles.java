package org.openoqs.clins.validator;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.utilities.npm.NpmPackage;

/**
 * HAPI's instance validator over FHIR packages a user points to (the official JP Core and JP-CLINS {@code .tgz} files
 * from jpfhir.jp): the second opinion on a Bundle. openoqs's own rules decide acceptance (server.clins); where the two
 * disagree is written down in docs/clins.md. Terminology the packages do not carry (MEDIS, JLAC, YJ) gives warnings.
 */
public final class OfficialProfiles {

    /** One message of the validator. */
    public record Finding(boolean error, String messageId, String location, String message) {
    }

    /** A package that cannot be read, named with the reason. */
    public static final class UnreadablePackageException extends Exception {
        UnreadablePackageException(Path path, String reason) {
            super(path + ": " + reason);
        }
    }

    private final FhirValidator validator;
    private final List<String> packages;

    private OfficialProfiles(FhirValidator validator, List<String> packages) {
        this.validator = validator;
        this.packages = packages;
    }

    /**
     * Loads every package: each path is a package file ({@code .tgz}) or a folder whose {@code .tgz} files are all
     * loaded.
     */
    public static OfficialProfiles load(List<Path> paths) throws UnreadablePackageException {
        FhirContext context = FhirContext.forR4();
        PrePopulatedValidationSupport profiles = new PrePopulatedValidationSupport(context);
        IParser parser = context.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false));
        List<String> loaded = new ArrayList<>();
        for (Path file : packageFiles(paths)) {
            loaded.add(load(file, parser, profiles));
        }
        ValidationSupportChain chain = new ValidationSupportChain(profiles, new DefaultProfileValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context), new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context), new UnknownCodeSystemWarningValidationSupport(context));
        FhirValidator validator = context.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(chain));
        return new OfficialProfiles(validator, List.copyOf(loaded));
    }

    /** {@code name#version} of each package loaded, in the order given. */
    public List<String> packages() {
        return packages;
    }

    /** The findings on a resource (normally a Bundle) in FHIR JSON, against the profiles it names. */
    public List<Finding> validate(String json) {
        return findings(validator.validateWithResult(json).getMessages());
    }

    /** The findings on one resource against the given profile as well (a Composition taken out of its document). */
    public List<Finding> validate(IBaseResource resource, String profile) {
        return findings(validator.validateWithResult(resource, new ValidationOptions().addProfile(profile)).getMessages());
    }

    private static List<Finding> findings(List<SingleValidationMessage> messages) {
        List<Finding> findings = new ArrayList<>();
        for (SingleValidationMessage m : messages) {
            boolean error = m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL;
            findings.add(new Finding(error, m.getMessageId(), m.getLocationString(), m.getMessage()));
        }
        return findings;
    }

    private static List<Path> packageFiles(List<Path> paths) throws UnreadablePackageException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> in = Files.list(path)) {
                    List<Path> tgz = in.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tgz"))
                            .sorted().toList();
                    if (tgz.isEmpty()) {
                        throw new UnreadablePackageException(path, "フォルダにパッケージ（.tgz）がありません");
                    }
                    files.addAll(tgz);
                } catch (IOException e) {
                    throw new UnreadablePackageException(path, "フォルダを読めません（" + e.getMessage() + "）");
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new UnreadablePackageException(path, "ファイルまたはフォルダがありません");
            }
        }
        if (files.isEmpty()) {
            throw new UnreadablePackageException(Path.of("--ig"), "パッケージが指定されていません");
        }
        return files;
    }

    /** What HAPI's NpmPackageValidationSupport does for a class-path package, for a file. */
    private static String load(Path file, IParser parser, PrePopulatedValidationSupport profiles)
            throws UnreadablePackageException {
        NpmPackage npm;
        try (InputStream in = Files.newInputStream(file)) {
            npm = NpmPackage.fromPackage(in);
        } catch (IOException | RuntimeException e) {
            throw new UnreadablePackageException(file, "FHIR パッケージとして読めません（" + e.getMessage() + "）");
        }
        NpmPackage.NpmPackageFolder folder = npm.getFolders().get("package");
        if (folder == null) {
            throw new UnreadablePackageException(file, "FHIR パッケージに package フォルダがありません");
        }
        try {
            for (String name : folder.listFiles()) {
                if (name.toLowerCase(Locale.ROOT).endsWith(".json") && !name.equals("package.json")
                        && !name.startsWith(".")) {
                    profiles.addResource(parser.parseResource(new String(folder.getContent().get(name),
                            StandardCharsets.UTF_8)));
                }
            }
        } catch (RuntimeException e) {
            throw new UnreadablePackageException(file, "パッケージ内の資源を読めません（" + e.getMessage() + "）");
        }
        return npm.name() + "#" + npm.version();
    }
}
