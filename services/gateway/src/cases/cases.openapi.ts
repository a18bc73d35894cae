import type { ApiBodyOptions } from '@nestjs/swagger';

/** POST /cases documents both bodies: the multipart form and a JSON Phenopacket v2. */
export const caseFormOpenApi: ApiBodyOptions = {
  schema: {
    oneOf: [
      {
        type: 'object',
        title: 'multipart/form-data',
        required: ['vcf'],
        properties: {
          vcf: { type: 'array', items: { type: 'string', format: 'binary' }, description: 'one or more VCF files (plain or bgzip); MAX_UPLOAD_BYTES each' },
          ped: { type: 'string', format: 'binary', description: 'PED file of the family (needs proband)' },
          phenopacket: { type: 'string', description: 'Phenopacket v2 as a file or as JSON text: phenotypicFeatures, sex and age are read' },
          hpo: { type: 'string', example: 'HP:0001250,HP:0001263', description: 'observed HPO terms, comma-separated' },
          excludedHpo: { type: 'string', example: 'HP:0000252', description: 'HPO terms explicitly absent, comma-separated' },
          sex: { type: 'string', enum: ['MALE', 'FEMALE', 'UNKNOWN'] },
          proband: { type: 'string', description: 'sample name of the proband in the VCF/PED' },
          assembly: { type: 'string', enum: ['GRCh37', 'GRCh38'], description: 'default: read from the VCF header' },
          excludedTerms: {
            type: 'string',
            enum: ['ignored', 'absent', 'pertinent'],
            description:
              'what excludedHpo terms do. ignored (default): recorded and shown, no effect on any score. absent: a feature the patient lacks lowers the diseases that usually have it (LIRICAL), never raises one. pertinent (opt-in): the pertinent-negative model of case reports, where an absent feature RAISES the diseases that have it; every result says so in its warnings',
          },
          ignoreInputAnnotations: {
            type: 'string',
            enum: ['true', 'false'],
            description: "true: do not read the VCFs' own annotations (VEP CSQ, ANNOVAR, gnomAD/ClinVar/predictor INFO keys), neither at upload nor in ranking; default false (read where the header declares them; docs/SCORING.md, Pre-annotated input)",
          },
          externalId: { type: 'string', description: 'your own reference for the case (max 200 characters)' },
        },
      },
      {
        type: 'object',
        title: 'application/json (Phenopacket v2, phenotype only)',
        required: ['id', 'phenotypicFeatures'],
        properties: {
          id: { type: 'string' },
          subject: { type: 'object', properties: { sex: { type: 'string', enum: ['UNKNOWN_SEX', 'FEMALE', 'MALE', 'OTHER_SEX'] } } },
          phenotypicFeatures: {
            type: 'array',
            items: { type: 'object', properties: { type: { type: 'object', properties: { id: { type: 'string', example: 'HP:0001250' } } }, excluded: { type: 'boolean' } } },
          },
        },
      },
    ],
  },
};
