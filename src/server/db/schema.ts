// The database type: one line per capability's table types.
import type { AppointmentsTables } from "../appointments/appointments.tables";
import type { AuditTables } from "../audit/audit.tables";
import type { ContractTables } from "../contract/contract.tables";
import type { ConversationsTables } from "../conversations/conversations.tables";
import type { DataSharingTables } from "../data-sharing/data-sharing.tables";
import type { DiagnosticTables } from "../diagnostic/diagnostic.tables";
import type { FollowUpTables } from "../follow-up/follow-up.tables";
import type { IdentityTables } from "../identity/identity.tables";
import type { ImportsTables } from "../imports/imports.tables";
import type { TabularImportsTables } from "../imports/tabular/tabular-imports.tables";
import type { MessagingTables } from "../messaging/messaging.tables";
import type { OrganisationsTables } from "../organisations/organisations.tables";
import type { OrientationTables } from "../orientation/orientation.tables";
import type { PersonsTables } from "../persons/persons.tables";
import type { ReferenceDataTables } from "../reference-data/reference-data.tables";
import type { RegistrationTables } from "../registration/registration.tables";
import type { SharedFileTables } from "../shared-file/shared-file.tables";
import type { WorkItemsTables } from "../work-items/work-items.tables";

export interface Database
  extends OrganisationsTables,
    PersonsTables,
    IdentityTables,
    AuditTables,
    ReferenceDataTables,
    OrientationTables,
    WorkItemsTables,
    ImportsTables,
    RegistrationTables,
    TabularImportsTables,
    ContractTables,
    DiagnosticTables,
    FollowUpTables,
    SharedFileTables,
    MessagingTables,
    AppointmentsTables,
    ConversationsTables,
    DataSharingTables {}
