/** One uploaded file, spooled to the request's temp dir (never held in memory). */
export interface UploadedPart {
  /** multipart field name (vcf, ped, phenopacket, or any name for batches) */
  field: string;
  /** sanitized base name: metadata only, never a path */
  name: string;
  /** temp file under the request's own directory in os.tmpdir(); named by a uuid, not by the client */
  path: string;
  size: number;
  sha256: string;
}

/** Which file fields a route accepts, and how many of each (undefined: any field, up to MAX_FILES). */
export type UploadFieldSpec = Record<string, { maxCount: number }> | undefined;

export type RequestWithUploads = {
  uploadDir?: string;
  uploads?: UploadedPart[];
};
