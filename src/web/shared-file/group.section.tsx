// « Groupe de suivi »: who follows the person, and, for the référent, co-référents and the admin of the
// following structure, adding a professional or a structure (co-référent or member) and removing one.
// The person is told of every change in their space.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { type FormEvent, useState } from "react";
import { sharedFileRoutes } from "../../shared/shared-file/shared-file.routes";
import {
  addableRoles,
  followUpRoleLabels,
  type GroupMember,
  type GroupView,
} from "../../shared/shared-file/shared-file.schema";
import { ApiError, api } from "../kernel/api-client";
import { formatInstantDate } from "../kernel/format";
import { LoadError, Loading } from "../kernel/loading";
import { useApiQuery } from "../kernel/use-api-query";

export function GroupMembers({ members }: { members: GroupMember[] }) {
  return (
    <ul>
      {members.map((m) => (
        <li key={m.id}>
          <strong>{m.professionalName ?? m.structureName}</strong>
          {m.professionalName && `, ${m.structureName}`} : {followUpRoleLabels[m.role]} depuis le{" "}
          {formatInstantDate(m.startedAt)}
        </li>
      ))}
    </ul>
  );
}

export function GroupSection({ personId }: { personId: string }) {
  const { state, reload, setData } = useApiQuery(
    () => api(sharedFileRoutes.getGroup, { params: { personId } }),
    [personId],
  );
  if (state.status === "loading") return <Loading label="Chargement du groupe de suivi…" />;
  if (state.status === "error") return <LoadError error={state.error} onRetry={() => void reload()} />;
  const group = state.data;
  return (
    <>
      <h3>Membres</h3>
      <GroupMembers members={group.members} />
      {group.canManage && (
        <>
          <RemoveMember personId={personId} group={group} onDone={setData} />
          <AddMember personId={personId} onDone={setData} />
        </>
      )}
    </>
  );
}

function AddMember({ personId, onDone }: { personId: string; onDone: (g: GroupView) => void }) {
  const candidates = useApiQuery(
    () => api(sharedFileRoutes.getGroupCandidates, { params: { personId } }),
    [personId],
  );
  const [structureId, setStructureId] = useState("");
  const [professionalId, setProfessionalId] = useState("");
  const [role, setRole] = useState<"" | (typeof addableRoles)[number]>("");
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (candidates.state.status === "loading") return <Loading label="Chargement des structures…" />;
  if (candidates.state.status === "error") return <LoadError error={candidates.state.error} />;
  const structures = candidates.state.data.structures;
  const structure = structures.find((s) => s.id === structureId);
  const fields = error?.fieldErrors() ?? {};

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setDone(null);
    setBusy(true);
    try {
      const g = await api(sharedFileRoutes.addGroupMember, {
        params: { personId },
        body: { structureId, professionalId: professionalId || null, role: role as "membre" },
      });
      const who = structure?.professionals.find((p) => p.id === professionalId)?.name ?? structure?.name;
      setDone(
        `${who} fait désormais partie du groupe de suivi. La personne en est informée dans son espace.`,
      );
      setStructureId("");
      setProfessionalId("");
      setRole("");
      onDone(g);
    } catch (err) {
      setError(err instanceof ApiError ? err : null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="fr-mt-4w">
      <h3>Ajouter un membre</h3>
      <p>La personne verra dans son espace qui rejoint son groupe de suivi.</p>
      <Select
        label="Structure"
        nativeSelectProps={{
          value: structureId,
          onChange: (e) => {
            setStructureId(e.target.value);
            setProfessionalId("");
          },
        }}
        state={fields.structureId ? "error" : "default"}
        stateRelatedMessage={fields.structureId}
      >
        <option value="" disabled>
          Choisissez une structure
        </option>
        {structures.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </Select>
      <Select
        label="Professionnel·le"
        hint="Laissez « Toute la structure » pour ajouter la structure sans nommer quelqu'un."
        disabled={!structure}
        nativeSelectProps={{ value: professionalId, onChange: (e) => setProfessionalId(e.target.value) }}
        state={fields.professionalId ? "error" : "default"}
        stateRelatedMessage={fields.professionalId}
      >
        <option value="">Toute la structure</option>
        {structure?.professionals.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </Select>
      <RadioButtons
        legend="Rôle dans le groupe"
        name="group-role"
        state={fields.role ? "error" : "default"}
        stateRelatedMessage={fields.role}
        options={addableRoles.map((r) => ({
          label: followUpRoleLabels[r],
          hintText:
            r === "co_referent"
              ? "Accompagne avec le ou la référent·e : lit tout le dossier, écrit des notes et dépose des documents."
              : "Lit le dossier et les notes partagées avec le groupe, sans rien modifier.",
          nativeInputProps: { value: r, checked: role === r, onChange: () => setRole(r) },
        }))}
      />
      {error && Object.keys(fields).length === 0 && (
        <Alert severity="error" small description={error.message} className="fr-mb-2w" role="alert" />
      )}
      {done && <Alert severity="success" small description={done} className="fr-mb-2w" />}
      <Button type="submit" disabled={busy}>
        Ajouter au groupe de suivi
      </Button>
    </form>
  );
}

function RemoveMember({
  personId,
  group,
  onDone,
}: {
  personId: string;
  group: GroupView;
  onDone: (g: GroupView) => void;
}) {
  const removable = group.members.filter((m) => m.role !== "referent");
  const [followUpId, setFollowUpId] = useState("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  if (removable.length === 0) return null;
  const fields = error?.fieldErrors() ?? {};

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!followUpId) {
      setError(
        new ApiError(400, "validation.invalid", "Choisissez le membre à retirer.", [
          { path: "followUpId", message: "Choisissez le membre à retirer" },
        ]),
      );
      return;
    }
    setBusy(true);
    try {
      onDone(
        await api(sharedFileRoutes.endGroupMember, { params: { personId, followUpId }, body: { reason } }),
      );
      setFollowUpId("");
      setReason("");
    } catch (err) {
      setError(err instanceof ApiError ? err : null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="fr-mt-4w">
      <h3>Retirer un membre</h3>
      <Select
        label="Membre à retirer"
        hint="Le ou la référent·e ne se retire pas ici : son changement passe par l'orientation."
        nativeSelectProps={{ value: followUpId, onChange: (e) => setFollowUpId(e.target.value) }}
        state={fields.followUpId ? "error" : "default"}
        stateRelatedMessage={fields.followUpId}
      >
        <option value="" disabled>
          Choisissez un membre
        </option>
        {removable.map((m) => (
          <option key={m.id} value={m.id}>
            {`${m.professionalName ? `${m.professionalName} (${m.structureName})` : m.structureName} — ${followUpRoleLabels[m.role]}`}
          </option>
        ))}
      </Select>
      <Input
        label="Motif"
        hintText="Par exemple : fin de l'action de formation. La personne est informée du retrait."
        nativeInputProps={{ value: reason, onChange: (e) => setReason(e.target.value), maxLength: 500 }}
        state={fields.reason ? "error" : "default"}
        stateRelatedMessage={fields.reason}
      />
      {error && Object.keys(fields).length === 0 && (
        <Alert severity="error" small description={error.message} className="fr-mb-2w" role="alert" />
      )}
      <Button type="submit" priority="secondary" disabled={busy}>
        Retirer du groupe de suivi
      </Button>
    </form>
  );
}
