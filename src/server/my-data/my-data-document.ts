// « Mes données » as a readable French A4 PDF: the same export as the JSON file, section by section with
// headings, codes replaced by their labels and dates written in French. Built as pure data first (easy to
// test), then drawn with the platform's document helpers (kernel/pdf.ts).
import { formatHours, programmeTotals } from "../../shared/contract/contract.programme";
import { activityModules } from "../../shared/contract/contract.referentiel";
import { versionMotifLabels } from "../../shared/contract/contract.schema";
import { contractStateLabels } from "../../shared/contract/contract.status";
import {
  type DiagnosticThemeCode,
  diagnosticReferentiel,
  referentielLabel,
} from "../../shared/diagnostic/diagnostic.referentiel";
import { impactLabels, themeStatutLabels } from "../../shared/diagnostic/diagnostic.schema";
import { frenchLongDate, type LocalDate, parisDate } from "../../shared/kernel/dates";
import { isoWeekDays } from "../../shared/my-data/iso-week";
import type { MyDataExport } from "../../shared/my-data/my-data.schema";
import {
  organismeLabels,
  orientationEtatLabels,
  orientationOrigineLabels,
  parcoursTypeLabels,
} from "../../shared/orientation/orientation.schema";
import { type DocumentBlock, drawBlocks, startPdf } from "../kernel/pdf";

export type MyDataDocumentContent = { title: string; subtitle: string[]; blocks: DocumentBlock[] };

const timeFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  hour: "2-digit",
  minute: "2-digit",
});
/** « 10 mars 2026 » (the Paris calendar day of an instant) */
const dayOf = (iso: string) => frenchLongDate(parisDate(new Date(iso)));
/** « 10 mars 2026 à 10:05 » */
const momentOf = (iso: string) => `${dayOf(iso)} à ${timeFormat.format(new Date(iso))}`;
const orNone = (v: string | null | undefined) =>
  v === null || v === undefined || v === "" ? "non renseigné" : v;
const yesNo = (b: boolean) => (b ? "oui" : "non");

/** « nomFamille » → « nom famille », « EN_COUPLE » → « en couple »: readable enough for stored fields. */
const words = (s: string) =>
  s
    .replace(/([a-zà-ÿ])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase();

/** Nested registration data as « section — champ : valeur » lines. */
function flatten(value: unknown, path: string[] = []): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== "object" || v === null))
      return value.length > 0
        ? [`${path.map(words).join(" — ")} : ${value.map((v) => words(String(v))).join(", ")}`]
        : [];
    return value.flatMap((v, i) => flatten(v, [...path.slice(0, -1), `${path.at(-1) ?? ""} ${i + 1}`]));
  }
  if (typeof value === "object")
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => flatten(v, [...path, k]));
  const shown =
    typeof value === "boolean"
      ? yesNo(value)
      : typeof value === "string" && /^[A-Z0-9_]+$/.test(value) && /[A-Z]/.test(value) && value.length > 3
        ? words(value)
        : String(value);
  return [`${path.map(words).join(" — ")} : ${shown}`];
}

/** « semaine du 9 mars au 15 mars 2026 » */
const weekOf = (isoWeek: string) => {
  const days = isoWeekDays(isoWeek);
  return days
    ? `semaine du ${frenchLongDate(days.monday)} au ${frenchLongDate(days.sunday)}`
    : `semaine ${isoWeek}`;
};

const activityLabel = (code: string) => {
  const m = activityModules.get(code);
  return m ? `${code} ${m.label}` : code;
};

function identity(d: MyDataExport): DocumentBlock[] {
  const i = d.identite;
  const c = d.contact;
  const address = [c.adresse.ligne, [c.adresse.codePostal, c.adresse.commune].filter(Boolean).join(" ")]
    .filter(Boolean)
    .join(", ");
  return [
    { kind: "heading", text: "1. Votre identité et vos coordonnées" },
    {
      kind: "list",
      items: [
        `Nom de naissance : ${i.nomNaissance}`,
        `Nom d'usage : ${orNone(i.nomUsage)}`,
        `Prénoms : ${i.prenoms}`,
        `Sexe : ${i.sexe === "F" ? "femme" : i.sexe === "M" ? "homme" : "non renseigné"}`,
        `Date de naissance : ${frenchLongDate(i.dateNaissance)}`,
        `Lieu de naissance : ${orNone(i.lieuNaissance)}`,
        `Nationalité : ${orNone(i.nationalite)}`,
        `Numéro de sécurité sociale : ${i.nirMasque ?? "non renseigné"}${i.nirMasque ? " (masqué : seuls les deux derniers caractères sont écrits)" : ""}`,
        `Numéro France Travail : ${orNone(i.numeroFranceTravail)}`,
        `Allocataire : ${i.allocataire ? `${i.allocataire.organisme} ${i.allocataire.numeroOrganisme}, matricule ${i.allocataire.matricule} (${i.allocataire.roleDansLeFoyer.toLowerCase()})` : "non renseigné"}`,
        `Adresse électronique : ${orNone(c.email)}`,
        `Téléphone : ${orNone(c.telephone)}`,
        `Adresse : ${orNone(address)}`,
        `Département : ${c.departement}`,
      ],
    },
  ];
}

function rsa(d: MyDataExport): DocumentBlock[] {
  const blocks: DocumentBlock[] = [
    { kind: "heading", text: "2. Votre droit au RSA (transmis par la CAF ou la MSA)" },
  ];
  if (d.droitsRsa.droits.length === 0)
    blocks.push({
      kind: "paragraph",
      text: "La CAF ou la MSA ne nous a transmis aucun droit au RSA à votre nom.",
    });
  for (const r of d.droitsRsa.droits)
    blocks.push({
      kind: "list",
      items: [
        `${r.organisme} ${r.numeroOrganisme}, matricule ${r.matricule} (${r.roleDansLeFoyer.toLowerCase()}), département ${r.departement}`,
        `État du droit : ${r.etat.libelle.toLowerCase()} depuis le ${frenchLongDate(r.etat.depuis)}`,
        ...(r.dateDemande ? [`Demande du ${frenchLongDate(r.dateDemande)}`] : []),
        ...(r.suspension
          ? [
              `Suspension du ${r.suspension.nature}${r.suspension.depuis ? ` depuis le ${frenchLongDate(r.suspension.depuis)}` : ""}${r.suspension.motif ? ` (motif ${r.suspension.motif})` : ""}`,
            ]
          : []),
        ...(r.cloture
          ? [
              `Clôture${r.cloture.date ? ` le ${frenchLongDate(r.cloture.date)}` : ""}${r.cloture.motif ? ` (motif ${r.cloture.motif})` : ""}`,
            ]
          : []),
        `Soumis·e aux droits et devoirs : ${yesNo(r.soumisDroitsEtDevoirs)}`,
        `Sans domicile fixe : ${yesNo(r.sansDomicileFixe)}`,
        `Dernière mise à jour : ${dayOf(r.misAJourLe)}`,
      ],
    });
  if (d.droitsRsa.mois.length > 0) {
    blocks.push({ kind: "paragraph", text: "Mois transmis par la CAF ou la MSA :" });
    blocks.push({
      kind: "list",
      items: d.droitsRsa.mois.map(
        (m) =>
          `${frenchLongDate(m.mois).replace(/^1er /, "")} : ${m.etatDroit.libelle.toLowerCase()}, ${m.soumisDroitsEtDevoirs ? "soumis·e" : "non soumis·e"} aux droits et devoirs`,
      ),
    });
  }
  return blocks;
}

function registrations(d: MyDataExport): DocumentBlock[] {
  const blocks: DocumentBlock[] = [{ kind: "heading", text: "3. Vos inscriptions" }];
  if (d.inscriptions.length === 0)
    blocks.push({ kind: "paragraph", text: "Aucune inscription n'est enregistrée à votre nom." });
  for (const r of d.inscriptions) {
    blocks.push({
      kind: "paragraph",
      text: `Inscription commencée le ${dayOf(r.commenceeLe)}${r.soumiseLe ? `, envoyée le ${dayOf(r.soumiseLe)}` : " (brouillon, pas encore envoyée)"}.`,
    });
    const lines = flatten(r.donnees);
    if (lines.length > 0) blocks.push({ kind: "list", items: lines });
  }
  return blocks;
}

function orientations(d: MyDataExport): DocumentBlock[] {
  const blocks: DocumentBlock[] = [{ kind: "heading", text: "4. Vos orientations" }];
  if (d.orientations.length === 0)
    blocks.push({ kind: "paragraph", text: "Aucune orientation n'est enregistrée." });
  for (const o of d.orientations) {
    blocks.push({
      kind: "paragraph",
      text: `${orientationEtatLabels[o.etat as keyof typeof orientationEtatLabels] ?? o.etat} — ouverte le ${dayOf(o.creeeLe)} (${orientationOrigineLabels[o.origine as keyof typeof orientationOrigineLabels] ?? o.origine}).`,
    });
    if (o.criteres.length > 0) {
      blocks.push({ kind: "paragraph", text: "Critères pris en compte :" });
      blocks.push({ kind: "list", items: o.criteres.map((c) => `${c.libelle} : ${c.valeur}`) });
    }
    if (o.preconisation)
      blocks.push({
        kind: "paragraph",
        text: `Préconisation calculée (une proposition, jamais une décision) : ${organismeLabels[o.preconisation.organisme]}${o.preconisation.parcours ? `, ${parcoursTypeLabels[o.preconisation.parcours].toLowerCase()}` : ""}. ${o.preconisation.explication}`,
      });
    if (o.decision) {
      const dec = o.decision;
      blocks.push({
        kind: "paragraph",
        text: `Décision du ${dayOf(dec.decideeLe)}${dec.decideePar ? ` par ${dec.decideePar}${dec.structureDuDecideur ? ` (${dec.structureDuDecideur})` : ""}` : ""} : ${dec.organismeRetenu ? (organismeLabels[dec.organismeRetenu as keyof typeof organismeLabels] ?? dec.organismeRetenu) : ""}${dec.parcoursRetenu ? `, ${(parcoursTypeLabels[dec.parcoursRetenu as keyof typeof parcoursTypeLabels] ?? dec.parcoursRetenu).toLowerCase()}` : ""}${dec.structure ? `, structure : ${dec.structure}` : ""}${dec.decision === "REFUSEE" ? " (différente de la préconisation)" : ""}.`,
      });
    }
    if (o.notifieeLe) blocks.push({ kind: "paragraph", text: `Notifiée le ${dayOf(o.notifieeLe)}.` });
  }
  return blocks;
}

function followUps(d: MyDataExport): DocumentBlock[] {
  return [
    { kind: "heading", text: "5. Les personnes et structures qui vous accompagnent" },
    d.groupeDeSuivi.length > 0
      ? {
          kind: "list",
          items: d.groupeDeSuivi.map(
            (f) =>
              `${f.libelleRole} : ${f.professionnel ?? "à désigner"}, ${f.structure} (${f.typeStructure}), depuis le ${dayOf(f.depuis)}`,
          ),
        }
      : { kind: "paragraph", text: "Aucune structure ne vous accompagne pour l'instant." },
  ];
}

function diagnostic(d: MyDataExport): DocumentBlock[] {
  const blocks: DocumentBlock[] = [{ kind: "heading", text: "6. Votre diagnostic" }];
  if (d.diagnostic.versions.length === 0)
    blocks.push({ kind: "paragraph", text: "Aucun diagnostic n'a encore été enregistré." });
  for (const v of d.diagnostic.versions) {
    blocks.push({
      kind: "paragraph",
      text: `Version ${v.numero} du ${dayOf(v.creeeLe)}, par ${orNone(v.auteur)} (${orNone(v.structure)}), ${v.format.toLowerCase()}${v.comporteDesInformationsConfidentielles ? " — comporte des informations confidentielles, non reproduites ici" : ""}.`,
    });
    const c = v.contenu;
    const items: string[] = [];
    for (const [code, t] of Object.entries(c.themes)) {
      if (!t) continue;
      const theme = diagnosticReferentiel[code as DiagnosticThemeCode]?.libelle ?? code;
      const parts = [
        t.impact ? impactLabels[t.impact].toLowerCase() : null,
        themeStatutLabels[t.statut].toLowerCase(),
        t.situations.length > 0 ? `situations : ${t.situations.map(referentielLabel).join(", ")}` : null,
        t.besoins.length > 0 ? `besoins : ${t.besoins.map(referentielLabel).join(", ")}` : null,
        t.echeance ? `échéance le ${frenchLongDate(t.echeance)}` : null,
        t.commentaireProfessionnel ? `commentaire : « ${t.commentaireProfessionnel} »` : null,
        t.avisPersonne ? `votre avis : « ${t.avisPersonne} »` : null,
      ].filter(Boolean);
      items.push(`${theme} : ${parts.join(" ; ")}`);
    }
    const metiers = c.domaines.projetProfessionnel.metiersCibles.map((m) => m.libelle);
    if (metiers.length > 0) items.push(`Métiers visés : ${metiers.join(", ")}`);
    if (c.domaines.projetDeVie) items.push(`Vos objectifs : « ${c.domaines.projetDeVie} »`);
    if (c.avisProfessionnel) items.push(`Avis du professionnel : « ${c.avisProfessionnel} »`);
    if (c.avisPersonne) items.push(`Votre avis : « ${c.avisPersonne} »`);
    if (items.length > 0) blocks.push({ kind: "list", items });
  }
  blocks.push({ kind: "paragraph", text: d.diagnostic.informationsConfidentielles });
  return blocks;
}

const versionStateText = (v: MyDataExport["contrats"][number]["versions"][number]) =>
  v.state === "SIGNE" && v.signedAt
    ? `signée le ${dayOf(v.signedAt)}${v.signatureMode === "PAPIER" ? " (sur papier)" : " (dans votre espace)"}`
    : v.state === "REFUSE" && v.refusedAt
      ? `refusée le ${dayOf(v.refusedAt)}${v.refusalReason ? ` (« ${v.refusalReason} »)` : ""}`
      : v.state === "REMPLACEE"
        ? "remplacée par une version plus récente"
        : "à signer";

function contracts(d: MyDataExport): DocumentBlock[] {
  const blocks: DocumentBlock[] = [{ kind: "heading", text: "7. Vos contrats d'engagement" }];
  if (d.contrats.length === 0)
    blocks.push({ kind: "paragraph", text: "Aucun contrat d'engagement n'est enregistré." });
  for (const c of d.contrats) {
    blocks.push({
      kind: "paragraph",
      text: `Contrat ouvert le ${dayOf(c.creeLe)}, aujourd'hui ${contractStateLabels[c.etat as keyof typeof contractStateLabels] ?? c.etat}.`,
    });
    for (const v of c.versions) {
      const items: string[] = [];
      const k = v.content;
      if (k.couchParcours) items.push(`Obligations liées au parcours : ${k.couchParcours}`);
      for (const e of k.engagementsIndividuels) items.push(`Engagement : ${e}`);
      for (const axe of k.planAction)
        for (const o of axe.objectifs)
          items.push(
            `Objectif (${axe.theme}) : ${o.libelle}${o.echeance ? `, échéance le ${frenchLongDate(o.echeance)}` : ""}${o.accordPersonne ? ", avec votre accord" : ""}`,
          );
      if (k.programme) {
        const t = programmeTotals(k.programme);
        items.push(
          `Programme de la ${weekOf(k.programme.semaineIso)} : ${k.programme.activites.map((a) => `${activityLabel(a.code)} ${formatHours(a.heuresPrevues)}`).join(", ") || "aucune activité"} — total ${formatHours(t.planned)} pour un objectif de ${formatHours(t.target)}`,
        );
      }
      if (k.prochainRendezVous) items.push(`Prochain rendez-vous : ${frenchLongDate(k.prochainRendezVous)}`);
      blocks.push({
        kind: "paragraph",
        text: `Version ${v.numero} (${versionMotifLabels[v.motif].toLowerCase()}), créée le ${dayOf(v.createdAt)}, ${versionStateText(v)}.`,
      });
      if (items.length > 0) blocks.push({ kind: "list", items });
    }
  }
  return blocks;
}

function steps(d: MyDataExport): DocumentBlock[] {
  return [
    { kind: "heading", text: "8. Les démarches des professionnels pour votre dossier" },
    d.etapesDuDossier.length > 0
      ? {
          kind: "list",
          items: d.etapesDuDossier.map(
            (w) =>
              `${w.libelle} — ${w.statut.toLowerCase()} — ouverte le ${dayOf(w.ouverteLe)}, échéance le ${frenchLongDate(w.echeance)}${w.fermeeLe ? `, terminée le ${dayOf(w.fermeeLe)}` : ""}${w.structure ? ` (${w.structure})` : ""}`,
          ),
        }
      : { kind: "paragraph", text: "Aucune démarche n'est enregistrée." },
  ];
}

function appointmentsAndNotes(d: MyDataExport): DocumentBlock[] {
  const n = d.notesEtDocuments;
  return [
    { kind: "heading", text: "9. Vos rendez-vous" },
    d.rendezVous.length > 0
      ? {
          kind: "list",
          items: d.rendezVous.map(
            (r) =>
              `${r.objet}${r.debut ? ` le ${momentOf(r.debut)}` : ""} — ${r.libelleStatut}${r.modalite ? ` — ${r.modalite.toLowerCase()}` : ""}${r.lieu ? `, ${r.lieu}` : ""}${r.professionnel ? ` — avec ${r.professionnel}` : ""}${r.structure ? ` (${r.structure})` : ""}${r.motifAnnulation ? ` — motif d'annulation : « ${r.motifAnnulation} »` : ""}`,
          ),
        }
      : { kind: "paragraph", text: "Aucun rendez-vous n'est enregistré." },
    { kind: "heading", text: "10. Les notes et documents partagés avec vous" },
    n.notes.length > 0
      ? {
          kind: "list",
          items: n.notes.map((x) => `Le ${dayOf(x.le)}, ${x.auteur} (${x.structure}) : « ${x.texte} »`),
        }
      : { kind: "paragraph", text: "Aucune note n'est partagée avec vous." },
    n.documents.length > 0
      ? {
          kind: "list",
          items: n.documents.map(
            (x) =>
              `Document « ${x.titre} » (${x.categorie.toLowerCase()}, ${x.nomFichier}), déposé le ${dayOf(x.le)} par ${x.auteur} (${x.structure})`,
          ),
        }
      : { kind: "paragraph", text: "Aucun document n'est partagé avec vous." },
    { kind: "paragraph", text: n.explication },
  ];
}

function messages(d: MyDataExport): DocumentBlock[] {
  return [
    { kind: "heading", text: "11. Vos messages avec vos référent·es" },
    d.messages.length > 0
      ? {
          kind: "list",
          items: d.messages.map(
            (m) =>
              `${momentOf(m.le)}, ${m.de === "PERSONNE" ? "vous" : `${m.auteur}${m.structure ? ` (${m.structure})` : ""}`} : « ${m.texte} »${m.luLe ? ` — lu le ${dayOf(m.luLe)}` : " — pas encore lu"}`,
          ),
        }
      : { kind: "paragraph", text: "Vous n'avez échangé aucun message avec vos référent·es." },
  ];
}

function accesses(d: MyDataExport): DocumentBlock[] {
  const blocks: DocumentBlock[] = [
    { kind: "heading", text: "12. Qui a consulté votre dossier" },
    {
      kind: "paragraph",
      text: "Chaque consultation de votre dossier, de la plus récente à la plus ancienne : la date, qui, son rôle et son organisme, la partie consultée et la raison. Les tentatives refusées sont notées aussi.",
    },
  ];
  blocks.push(
    d.journalDesAcces.entrees.length > 0
      ? {
          kind: "list",
          items: d.journalDesAcces.entrees.map(
            (a) =>
              `${momentOf(a.le)} — ${a.acteur ?? a.role ?? "inconnu"}${a.acteur && a.role ? ` (${a.role}${a.structure ? `, ${a.structure}` : ""})` : a.structure ? ` (${a.structure})` : ""} — ${a.libelleSection} — ${a.libelleFinalite}${a.resultat === "denied" ? " — accès refusé" : ""}`,
          ),
        }
      : { kind: "paragraph", text: "Personne n'a encore consulté votre dossier." },
  );
  if (d.journalDesAcces.tronque)
    blocks.push({
      kind: "paragraph",
      text: "La liste est très longue : seules les consultations les plus récentes sont reproduites. Demandez la liste complète à votre référent·e.",
    });
  return blocks;
}

export function myDataDocumentContent(
  d: MyDataExport,
  issuedOn: LocalDate,
  personName: string,
): MyDataDocumentContent {
  return {
    title: "Mes données",
    subtitle: [
      personName,
      `Tout ce que la plateforme Socle sait de vous, au ${frenchLongDate(issuedOn)}.`,
      "Ce document répond à votre droit d'accès (article 15 du RGPD). Gardez-le en lieu sûr : il contient des informations personnelles.",
    ],
    blocks: [
      ...identity(d),
      ...rsa(d),
      ...registrations(d),
      ...orientations(d),
      ...followUps(d),
      ...diagnostic(d),
      ...contracts(d),
      ...steps(d),
      ...appointmentsAndNotes(d),
      ...messages(d),
      ...accesses(d),
      { kind: "heading", text: "Vos droits" },
      {
        kind: "paragraph",
        text: "Pour faire corriger une information, limiter son usage ou vous opposer à un traitement, adressez-vous à votre référent·e ou au conseil départemental, en ligne, par courrier ou au guichet. Votre demande est suivie et reçoit une réponse dans le délai légal d'un mois.",
      },
    ],
  };
}

const displayName = (d: MyDataExport) =>
  `${d.identite.prenoms} ${d.identite.nomUsage ?? d.identite.nomNaissance}`;

/** The export as an A4 PDF; `createdAt` (the injected clock) goes into the document's metadata. */
export function renderMyDataPdf(d: MyDataExport, issuedOn: LocalDate, createdAt: Date): Promise<Buffer> {
  const content = myDataDocumentContent(d, issuedOn, displayName(d));
  const { doc, done, width } = startPdf({
    title: `${content.title} — ${displayName(d)}`,
    subject: "Droit d'accès : les données détenues par la plateforme Socle",
    createdAt,
  });
  doc.font("Helvetica-Bold").fontSize(18).text(content.title, { width });
  doc.moveDown(0.3);
  const [name, ...rest] = content.subtitle;
  doc.font("Helvetica-Bold").fontSize(12).text(name!, { width });
  doc.font("Helvetica").fontSize(10);
  for (const line of rest) doc.text(line, { width });
  doc.moveDown(0.8);
  drawBlocks(doc, content.blocks, width, { bodySize: 10 });
  doc.moveDown(1);
  doc
    .fontSize(8.5)
    .fillColor("#555555")
    .text(`Document édité le ${frenchLongDate(issuedOn)} — format ${d.format}, version ${d.version}`, {
      width,
    });
  doc.end();
  return done;
}
