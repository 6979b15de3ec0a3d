-- Orientation: versioned rule sets (national and per département, PS-23), the delegation setting of
-- each département, the letters (PDF) and outbound e-mails of decisions, and re-orientation requests.

-- A published rule set never changes: a change is a new version with its effective date. Local sets
-- (departement not null) are evaluated before the national one (departement null).
CREATE TABLE orientation_rule_sets (
  id uuid PRIMARY KEY,
  departement text,
  version text NOT NULL,
  label text NOT NULL,
  effective_from date NOT NULL,
  rules jsonb NOT NULL CHECK (jsonb_typeof(rules) = 'array'),
  published_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX orientation_rule_sets_version_uq ON orientation_rule_sets ((COALESCE(departement, '')), version);

CREATE FUNCTION orientation_rule_sets_published_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.published_at IS NOT NULL THEN
    RAISE EXCEPTION 'un référentiel publié ne se modifie pas : publiez une nouvelle version';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER orientation_rule_sets_frozen BEFORE UPDATE OR DELETE ON orientation_rule_sets
  FOR EACH ROW EXECUTE FUNCTION orientation_rule_sets_published_frozen();

-- Delegation of the orientation decision to France Travail (parcours.md §3.6); no row = AUCUNE.
CREATE TABLE departement_settings (
  departement text PRIMARY KEY,
  delegation_ft text NOT NULL DEFAULT 'AUCUNE' CHECK (delegation_ft IN ('AUCUNE', 'TOTALE', 'PAR_DEFAUT')),
  updated_at timestamptz NOT NULL
);

ALTER TABLE orientations
  ADD COLUMN notification_channel text CHECK (notification_channel IN ('EMAIL', 'COURRIER')),
  ADD COLUMN reorientation_request_id uuid,
  ADD CONSTRAINT orientations_notified_after_decision CHECK (notified_at IS NULL OR decision IS NOT NULL);

-- The decision letter (PS-24, PS-35), one per decided orientation.
CREATE TABLE orientation_letters (
  id uuid PRIMARY KEY,
  orientation_id uuid NOT NULL UNIQUE REFERENCES orientations (id),
  person_id uuid NOT NULL REFERENCES persons (id),
  filename text NOT NULL,
  content bytea NOT NULL,
  sha256 text NOT NULL,
  created_at timestamptz NOT NULL
);

-- E-mails to send (outbox): written in the decision's transaction, sent afterwards through the mail port.
CREATE TABLE outbound_messages (
  id uuid PRIMARY KEY,
  channel text NOT NULL CHECK (channel IN ('EMAIL')),
  person_id uuid REFERENCES persons (id),
  to_address text NOT NULL,
  subject text NOT NULL,
  body_text text NOT NULL,
  related_kind text NOT NULL,
  related_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('A_ENVOYER', 'ENVOYE', 'ECHEC')),
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  sent_at timestamptz,
  transport_id text,
  last_error text,
  CHECK ((status = 'ENVOYE') = (sent_at IS NOT NULL))
);
CREATE INDEX outbound_messages_pending_idx ON outbound_messages (created_at) WHERE status = 'A_ENVOYER';
CREATE INDEX outbound_messages_person_idx ON outbound_messages (person_id);

-- Re-orientation requests (parcours.md §3.9): pending → accepted (a new orientation opens) or refused.
CREATE TABLE reorientation_requests (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES persons (id),
  orientation_id uuid NOT NULL REFERENCES orientations (id),
  departement text NOT NULL,
  requested_by uuid NOT NULL REFERENCES professionals (id),
  motif text NOT NULL,
  parcours_souhaite text NOT NULL CHECK (parcours_souhaite IN ('PRO', 'SOCIO_PRO', 'SOCIAL')),
  organisme_souhaite text NOT NULL CHECK (organisme_souhaite IN ('FT', 'ML', 'CAP_EMPLOI', 'CD')),
  structure_souhaitee_id uuid REFERENCES structures (id),
  statut text NOT NULL CHECK (statut IN ('EN_ATTENTE', 'ACCEPTEE', 'REFUSEE')),
  motif_decision text,
  decided_by uuid REFERENCES professionals (id),
  decided_at timestamptz,
  new_orientation_id uuid REFERENCES orientations (id),
  created_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  CHECK ((statut = 'EN_ATTENTE') = (decided_at IS NULL)),
  CHECK (statut = 'EN_ATTENTE' OR decided_by IS NOT NULL),
  CHECK (statut <> 'REFUSEE' OR motif_decision IS NOT NULL),
  CHECK ((statut = 'ACCEPTEE') = (new_orientation_id IS NOT NULL))
);
CREATE UNIQUE INDEX reorientation_requests_one_pending ON reorientation_requests (person_id) WHERE statut = 'EN_ATTENTE';
ALTER TABLE orientations
  ADD CONSTRAINT orientations_reorientation_request_fk FOREIGN KEY (reorientation_request_id) REFERENCES reorientation_requests (id);

-- The published référentiels 2026.1 (the same data as src/shared/orientation/orientation.referentiel.ts).
INSERT INTO orientation_rule_sets (id, departement, version, label, effective_from, rules, published_at, created_at) VALUES (
  '0a1e0000-0000-4000-8000-000000000001', NULL, '2026.1', 'Référentiel national d''orientation', '2026-01-01',
  $rules$[
  {
    "id": "NAT-01",
    "label": "La situation empêche aujourd'hui toute recherche d'emploi (santé, absence de logement ou incapacité à travailler) : parcours de remobilisation sociale avec le Département",
    "condition": {
      "any": [
        {
          "field": "capacite_a_travailler",
          "equals": false
        },
        {
          "field": "contrainte_sante",
          "equals": "INCAPACITE_RECHERCHE_ACTIVITE_PRO"
        },
        {
          "field": "contrainte_logement",
          "equals": "SANS_LOGEMENT"
        }
      ]
    },
    "result": {
      "parcours": "SOCIAL",
      "organisme": "CD"
    }
  },
  {
    "id": "NAT-02",
    "label": "Travailleur handicapé (BOE) qui souhaite un accompagnement spécialisé, ou personne passée par un ESAT : parcours emploi avec Cap emploi",
    "condition": {
      "any": [
        {
          "all": [
            {
              "field": "boe",
              "equals": true
            },
            {
              "field": "boe_souhait_accompagnement",
              "equals": true
            }
          ]
        },
        {
          "field": "esat",
          "equals": true
        }
      ]
    },
    "result": {
      "parcours": "PRO",
      "organisme": "CAP_EMPLOI"
    }
  },
  {
    "id": "NAT-03",
    "label": "Moins de 26 ans avec au moins un frein social fort : parcours socio-professionnel avec la mission locale",
    "condition": {
      "all": [
        {
          "ageUnder": 26
        },
        {
          "atLeast": 1,
          "of": [
            {
              "field": "contrainte_logement",
              "equals": "LOGEMENT_PRECAIRE"
            },
            {
              "field": "contrainte_sante",
              "equals": "IMPACT_FORT_RECHERCHE_EMPLOI"
            },
            {
              "field": "contrainte_familiale",
              "in": [
                "GARDE_ENFANT",
                "AIDANT_FAMILIAL"
              ]
            },
            {
              "field": "contrainte_financiere",
              "equals": "IMPACT_FORT_RECHERCHE_EMPLOI"
            },
            {
              "field": "contrainte_administrative_juridique",
              "equals": "IMPACT_FORT_RECHERCHE_EMPLOI"
            },
            {
              "field": "contrainte_francais_calcul",
              "equals": "IMPACT_FORT_RECHERCHE_EMPLOI"
            },
            {
              "field": "contrainte_mobilite",
              "equals": "AUCUN_MOYEN_DE_TRANSPORT"
            },
            {
              "field": "contrainte_numerique",
              "equals": "NON_ACCES_INTERNET"
            }
          ]
        }
      ]
    },
    "result": {
      "parcours": "SOCIO_PRO",
      "organisme": "ML"
    }
  },
  {
    "id": "NAT-04",
    "label": "Moins de 26 ans : parcours emploi avec la mission locale",
    "condition": {
      "ageUnder": 26
    },
    "result": {
      "parcours": "PRO",
      "organisme": "ML"
    },
    "cite": [
      "projet_pro"
    ]
  },
  {
    "id": "NAT-05",
    "label": "Au moins deux freins sociaux forts : parcours socio-professionnel avec le Département",
    "condition": {
      "atLeast": 2,
      "of": [
        {
          "field": "contrainte_logement",
          "equals": "LOGEMENT_PRECAIRE"
        },
        {
          "field": "contrainte_sante",
          "equals": "IMPACT_FORT_RECHERCHE_EMPLOI"
        },
        {
          "field": "contrainte_familiale",
          "in": [
            "GARDE_ENFANT",
            "AIDANT_FAMILIAL"
          ]
        },
        {
          "field": "contrainte_financiere",
          "equals": "IMPACT_FORT_RECHERCHE_EMPLOI"
        },
        {
          "field": "contrainte_administrative_juridique",
          "equals": "IMPACT_FORT_RECHERCHE_EMPLOI"
        },
        {
          "field": "contrainte_francais_calcul",
          "equals": "IMPACT_FORT_RECHERCHE_EMPLOI"
        },
        {
          "field": "contrainte_mobilite",
          "equals": "AUCUN_MOYEN_DE_TRANSPORT"
        },
        {
          "field": "contrainte_numerique",
          "equals": "NON_ACCES_INTERNET"
        }
      ]
    },
    "result": {
      "parcours": "SOCIO_PRO",
      "organisme": "CD"
    }
  },
  {
    "id": "NAT-06",
    "label": "Un frein social fort : parcours socio-professionnel avec France Travail (accompagnement global, en lien avec le Département)",
    "condition": {
      "atLeast": 1,
      "of": [
        {
          "field": "contrainte_logement",
          "equals": "LOGEMENT_PRECAIRE"
        },
        {
          "field": "contrainte_sante",
          "equals": "IMPACT_FORT_RECHERCHE_EMPLOI"
        },
        {
          "field": "contrainte_familiale",
          "in": [
            "GARDE_ENFANT",
            "AIDANT_FAMILIAL"
          ]
        },
        {
          "field": "contrainte_financiere",
          "equals": "IMPACT_FORT_RECHERCHE_EMPLOI"
        },
        {
          "field": "contrainte_administrative_juridique",
          "equals": "IMPACT_FORT_RECHERCHE_EMPLOI"
        },
        {
          "field": "contrainte_francais_calcul",
          "equals": "IMPACT_FORT_RECHERCHE_EMPLOI"
        },
        {
          "field": "contrainte_mobilite",
          "equals": "AUCUN_MOYEN_DE_TRANSPORT"
        },
        {
          "field": "contrainte_numerique",
          "equals": "NON_ACCES_INTERNET"
        }
      ]
    },
    "result": {
      "parcours": "SOCIO_PRO",
      "organisme": "FT"
    }
  },
  {
    "id": "NAT-07",
    "label": "Longtemps éloigné de l'emploi, sans projet professionnel ni diplôme : parcours socio-professionnel avec France Travail",
    "condition": {
      "all": [
        {
          "field": "situation_professionnelle",
          "in": [
            "JAMAIS",
            "SANS_EMPLOI_1_AN_ET_PLUS"
          ]
        },
        {
          "field": "projet_pro",
          "equals": "NON_DEFINI"
        },
        {
          "field": "niveau_etude",
          "in": [
            "AFS",
            "PRIMAIRE_COLLEGE"
          ]
        }
      ]
    },
    "result": {
      "parcours": "SOCIO_PRO",
      "organisme": "FT"
    }
  },
  {
    "id": "NAT-99",
    "label": "Aucune situation particulière parmi celles des règles précédentes : parcours emploi avec France Travail",
    "condition": {
      "all": []
    },
    "result": {
      "parcours": "PRO",
      "organisme": "FT"
    },
    "cite": [
      "capacite_a_travailler",
      "situation_professionnelle",
      "projet_pro"
    ]
  }
]$rules$::jsonb,
  '2026-01-01T00:00:00+01:00', '2026-01-01T00:00:00+01:00');

INSERT INTO orientation_rule_sets (id, departement, version, label, effective_from, rules, published_at, created_at) VALUES (
  '0a1e0000-0000-4000-8000-000000000080', '80', '2026.1', 'Critères d''orientation de la Somme', '2026-01-01',
  $rules$[
  {
    "id": "SOM-01",
    "label": "Somme : 55 ans ou plus, sans emploi depuis un an ou plus, avec une difficulté de santé : parcours socio-professionnel avec le Département (maison départementale des solidarités et de l'insertion)",
    "condition": {
      "all": [
        {
          "field": "capacite_a_travailler",
          "equals": true
        },
        {
          "field": "contrainte_logement",
          "in": [
            "AUCUNE",
            "LOGEMENT_PRECAIRE"
          ]
        },
        {
          "not": {
            "all": [
              {
                "field": "boe",
                "equals": true
              },
              {
                "field": "boe_souhait_accompagnement",
                "equals": true
              }
            ]
          }
        },
        {
          "ageAtLeast": 55
        },
        {
          "field": "situation_professionnelle",
          "equals": "SANS_EMPLOI_1_AN_ET_PLUS"
        },
        {
          "field": "contrainte_sante",
          "in": [
            "IMPACT_FAIBLE_RECHERCHE_EMPLOI",
            "IMPACT_FORT_RECHERCHE_EMPLOI"
          ]
        }
      ]
    },
    "result": {
      "parcours": "SOCIO_PRO",
      "organisme": "CD"
    }
  },
  {
    "id": "SOM-02",
    "label": "Somme : ni moyen de transport ni accès à internet : parcours socio-professionnel avec le Département, au plus près du domicile",
    "condition": {
      "all": [
        {
          "field": "capacite_a_travailler",
          "equals": true
        },
        {
          "field": "contrainte_logement",
          "in": [
            "AUCUNE",
            "LOGEMENT_PRECAIRE"
          ]
        },
        {
          "field": "contrainte_sante",
          "in": [
            "AUCUNE",
            "IMPACT_FAIBLE_RECHERCHE_EMPLOI",
            "IMPACT_FORT_RECHERCHE_EMPLOI"
          ]
        },
        {
          "field": "contrainte_mobilite",
          "equals": "AUCUN_MOYEN_DE_TRANSPORT"
        },
        {
          "field": "contrainte_numerique",
          "equals": "NON_ACCES_INTERNET"
        }
      ]
    },
    "result": {
      "parcours": "SOCIO_PRO",
      "organisme": "CD"
    }
  }
]$rules$::jsonb,
  '2026-01-01T00:00:00+01:00', '2026-01-01T00:00:00+01:00');

INSERT INTO departement_settings (departement, delegation_ft, updated_at) VALUES ('80', 'AUCUNE', '2026-01-01T00:00:00+01:00');
