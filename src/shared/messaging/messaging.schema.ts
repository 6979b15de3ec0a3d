// The demo mailbox (demo and test only): the e-mails caught by the bundled SMTP catcher and the SMS of
// the demonstration SMS transport.
import { z } from "zod";

export const messageChannelSchema = z.enum(["EMAIL", "SMS"]);
export type MessageChannel = z.infer<typeof messageChannelSchema>;
export const messageChannelLabels: Record<MessageChannel, string> = { EMAIL: "Courriel", SMS: "SMS" };

export const mailboxAttachmentSchema = z.object({
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int().min(0),
});

export const mailboxMessageIdSchema = z.coerce.number().int().positive();

export const mailboxItemSchema = z.object({
  id: z.number().int(),
  channel: messageChannelSchema,
  to: z.string(),
  subject: z.string(),
  receivedAt: z.string(),
  attachments: z.array(mailboxAttachmentSchema),
});
export type MailboxItem = z.infer<typeof mailboxItemSchema>;

export const mailboxListSchema = z.object({ messages: z.array(mailboxItemSchema), limit: z.number().int() });
export type MailboxList = z.infer<typeof mailboxListSchema>;

export const mailboxMessageSchema = mailboxItemSchema.extend({ text: z.string() });
export type MailboxMessage = z.infer<typeof mailboxMessageSchema>;
