import { readFileSync } from 'node:fs';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DEPLOYMENT, EnplanConfig, type Deployment } from '@enplan/core/config';
import type { Letterhead, LetterLogo } from '@enplan/core/documents';

function readLogo(file: string, setting: string): LetterLogo {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    throw new Error(`The letterhead logo ${file} (${setting}) cannot be read`);
  }
  // The file's own signature, not its name, says what it is: pdfmake draws only PNG and JPEG.
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return { mime: 'image/png', data };
  if (data[0] === 0xff && data[1] === 0xd8) return { mime: 'image/jpeg', data };
  throw new Error(`The letterhead logo ${file} (${setting}) is neither a PNG nor a JPEG file`);
}

/**
 * Each municipality's letterhead: the deployment file's `letterhead` for it, else ENPLAN_LETTERHEAD_ADDRESS and
 * ENPLAN_LETTERHEAD_LOGO, with the municipality's own name. Logos are read once at boot, so a bad path stops
 * the start with a message naming the setting instead of failing the first letter.
 */
@Injectable()
export class LetterheadService implements OnModuleInit {
  private readonly byCode = new Map<string, Letterhead>();

  constructor(
    private readonly config: EnplanConfig,
    @Inject(DEPLOYMENT) private readonly deployment: Deployment,
  ) {}

  onModuleInit(): void {
    const defaultLogo = this.config.letterhead.logoFile ? readLogo(this.config.letterhead.logoFile, 'ENPLAN_LETTERHEAD_LOGO') : null;
    for (const m of this.deployment.municipalities) {
      const own = m.letterhead;
      this.byCode.set(m.code, {
        name: own?.name ?? m.name,
        addressLines: own?.address ?? this.config.letterhead.addressLines,
        logo: own?.logo ? readLogo(own.logo, `letterhead.logo of municipality ${m.code} in the deployment file`) : defaultLogo,
      });
    }
  }

  for(municipalityCode: string): Letterhead {
    return this.byCode.get(municipalityCode) ?? { name: `Kommune ${municipalityCode}`, addressLines: this.config.letterhead.addressLines, logo: null };
  }
}
