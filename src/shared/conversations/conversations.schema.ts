// The messages between a person and their référent·es (« Messagerie » of the personal space, parcours.md §9):
// one conversation per person, text only, never edited, with a read receipt per side. Shared by the server
// and the web app.
import { z } from "zod";

export const MESSAGE_MAX_LENGTH = 2000;
/** The network's reply commitment (parcours.md §10: « Reply to messages: 72 h »). */
export const REPLY_COMMITMENT_HOURS = 72;

export const messageAuthorKinds = ["PERSONNE", "PROFESSIONNEL"] as const;
export type MessageAuthorKind = (typeof messageAuthorKinds)[number];

export const sendMessageBodySchema = z.object({
  body: z
    .string({ error: "Écrivez votre message" })
    .trim()
    .min(1, "Écrivez votre message")
    .max(
      MESSAGE_MAX_LENGTH,
      `Votre message dépasse ${MESSAGE_MAX_LENGTH.toLocaleString("fr-FR")} caractères : raccourcissez-le ou envoyez-le en plusieurs fois`,
    ),
});
export type SendMessageBody = z.input<typeof sendMessageBodySchema>;

export const conversationMessageSchema = z.object({
  id: z.string().uuid(),
  authorKind: z.enum(messageAuthorKinds),
  /** « Claire Martin » for a professional, the person's name for the person */
  authorName: z.string(),
  /** the professional's structure; null for the person */
  structureName: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
  /** when the other side first read it (the person, or one of the référent·es) */
  readAt: z.string().nullable(),
  /** for a message of the person: the professional who read it first */
  readByName: z.string().nullable(),
  /** written by the one who is looking */
  mine: z.boolean(),
});
export type ConversationMessage = z.infer<typeof conversationMessageSchema>;

export const conversationViewSchema = z.object({
  personId: z.string().uuid(),
  personName: z.string(),
  /** oldest first, as a conversation reads */
  messages: z.array(conversationMessageSchema),
  /** who reads and answers on the professionals' side (the référent·es and co-référent·es, PS-12) */
  readers: z.array(z.object({ name: z.string(), structureName: z.string(), role: z.string() })),
  /** messages from the other side not read yet */
  unread: z.number().int(),
  canWrite: z.boolean(),
});
export type ConversationView = z.infer<typeof conversationViewSchema>;

export const unreadCountSchema = z.object({
  /** false: the actor sees the file but not its conversation (a member of the group, a colleague) */
  canRead: z.boolean(),
  unread: z.number().int(),
});
export type UnreadCount = z.infer<typeof unreadCountSchema>;

export const markReadResultSchema = z.object({ marked: z.number().int() });
