import { Schema } from 'mongoose';
import { SCHEMA_OPTIONS } from '../mongo/model-on';

export interface LabRecord {
  _id: string;
  name: string;
  webhookUrl?: string;
  webhookSecret?: string;
  createdAt: Date;
}

export const labSchema = new Schema<LabRecord>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    webhookUrl: String,
    webhookSecret: String,
    createdAt: { type: Date, required: true },
  },
  { ...SCHEMA_OPTIONS, collection: 'labs' },
);
