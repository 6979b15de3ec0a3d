export const DEMO_MAILBOX_PATH = "/demonstration/messages";
export const demoMailboxMessagePath = (id: number) => `${DEMO_MAILBOX_PATH}/${id}`;
export const DEMO_MAILBOX_TITLE = "Courriels et SMS envoyés (démonstration)";
