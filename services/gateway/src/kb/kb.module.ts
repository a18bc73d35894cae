import { Module } from '@nestjs/common';
import { KbController } from './kb.controller';
import { KB_MANIFEST, kbManifestProvider } from './kb-manifest.provider';

@Module({ controllers: [KbController], providers: [kbManifestProvider], exports: [KB_MANIFEST] })
export class KbModule {}
