import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The tenant. Every other tenant-owned row points here through `municipality_id`. */
@Entity({ name: 'municipality' })
export class Municipality {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The official three-digit municipality code, e.g. "260" (Halsnæs). */
  @Column({ type: 'varchar', length: 3, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
