// The documents of the dossier partagé are not JSON: the upload is multipart/form-data
// (@fastify/multipart, registered in this encapsulated scope only) and downloads are binary. Bound by
// hand, with the same session and CSRF check as every route.
import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { sharedFileErrors } from "../../shared/shared-file/shared-file.errors";
import { sharedFileUrls } from "../../shared/shared-file/shared-file.routes";
import { documentViewSchema } from "../../shared/shared-file/shared-file.schema";
import { requireSession } from "../http/authenticate";
import type { Deps } from "../kernel/deps";
import { getDocumentContent } from "./use-cases/get-document-content";
import { uploadDocument } from "./use-cases/upload-document";

const tags = ["dossier"];

/** RFC 6266 / 5987: an ASCII fallback and the UTF-8 name. */
function contentDisposition(filename: string): string {
  const ascii =
    filename
      .normalize("NFD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\]/g, "") || "document";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

function sendDocument(reply: FastifyReply, doc: { filename: string; mediaType: string; content: Buffer }) {
  return reply
    .header("Content-Type", doc.mediaType)
    .header("Content-Disposition", contentDisposition(doc.filename))
    .header("Cache-Control", "private, no-store")
    .send(doc.content);
}

export async function sharedFileDocumentsHttp(app: FastifyInstance, deps: Deps) {
  const max = deps.config.SHARED_FILE_MAX_DOCUMENT_BYTES;
  await app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      // one file; the limit is the document limit plus one byte, so that « too large » is detected
      // (busboy marks the file truncated) without reading more than that into memory
      limits: { fileSize: max + 1, files: 1, fields: 10, fieldSize: 1000, parts: 12 },
      throwFileSizeLimit: false,
    });
    scope.withTypeProvider<ZodTypeProvider>().route({
      method: "POST",
      url: sharedFileUrls.uploadDocument,
      schema: {
        summary:
          "Déposer un document dans le dossier (PDF, JPEG ou PNG ; taille limitée ; type vérifié sur le contenu)",
        tags,
        consumes: ["multipart/form-data"],
        params: z.object({ personId: z.string().uuid() }),
        response: { 200: documentViewSchema },
      },
      preHandler: requireSession(deps),
      handler: async (req) => {
        if (!req.isMultipart()) throw sharedFileErrors.notMultipart();
        const fields: Record<string, string> = {};
        let upload: { filename: string; content: Buffer; truncated: boolean } | undefined;
        for await (const part of req.parts()) {
          if (part.type === "file") {
            const content = await part.toBuffer();
            upload = { filename: part.filename, content, truncated: part.file.truncated };
          } else if (typeof part.value === "string") {
            fields[part.fieldname] = part.value;
          }
        }
        if (!upload) throw sharedFileErrors.fileMissing();
        return uploadDocument(deps, req.session!.actor, {
          personId: req.params.personId,
          title: fields.title ?? "",
          category: fields.category as never,
          visibility: fields.visibility as never,
          filename: upload.filename,
          content: upload.content,
          truncated: upload.truncated,
        });
      },
    });
  });

  app.withTypeProvider<ZodTypeProvider>().route({
    method: "GET",
    url: sharedFileUrls.documentContent,
    schema: {
      summary: "Télécharger un document du dossier",
      tags,
      params: z.object({ personId: z.string().uuid(), documentId: z.string().uuid() }),
    },
    preHandler: requireSession(deps),
    handler: async (req, reply) =>
      sendDocument(reply, await getDocumentContent(deps, req.session!.actor, req.params)),
  });
  app.withTypeProvider<ZodTypeProvider>().route({
    method: "GET",
    url: sharedFileUrls.myDocumentContent,
    schema: {
      summary: "Télécharger un document partagé avec moi (espace personnel)",
      tags,
      params: z.object({ documentId: z.string().uuid() }),
    },
    preHandler: requireSession(deps),
    handler: async (req, reply) =>
      sendDocument(reply, await getDocumentContent(deps, req.session!.actor, req.params)),
  });
}
