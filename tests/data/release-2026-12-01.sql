BEGIN TRANSACTION;
CREATE TABLE attendance (
	cohort_id VARCHAR(32) NOT NULL, 
	event_id VARCHAR(64) NOT NULL, 
	person_id INTEGER NOT NULL, 
	attended BOOLEAN NOT NULL, 
	recorded_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	PRIMARY KEY (cohort_id, event_id, person_id), 
	FOREIGN KEY(person_id) REFERENCES people (id) ON DELETE CASCADE
);
INSERT INTO "attendance" VALUES('autumn-2026','training_mentees',42,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentees',37,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentees',32,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentees',28,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentees',31,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentees',29,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentees',35,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentees',24,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentees',34,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentees',36,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentees',33,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentees',48,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentees',47,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentees',30,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentees',39,0,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentees',40,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentees',45,0,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentees',43,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentees',26,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentees',27,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentees',46,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentees',44,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentees',41,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentees',25,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentees',38,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentors',6,0,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentors',7,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentors',4,0,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentors',22,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentors',10,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentors',17,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentors',2,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentors',3,0,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentors',11,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentors',1,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentors',12,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentors',15,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentors',8,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentors',21,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentors',18,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentors',9,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentors',20,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentors',19,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentors',13,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','training_mentors',14,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',42,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',37,0,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',32,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',28,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',31,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',29,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',35,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',24,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',34,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',36,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',33,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',48,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',47,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',30,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',39,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',40,0,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',45,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',43,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',26,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',27,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',46,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',44,0,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',41,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',25,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',38,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',6,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',7,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',4,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',22,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',10,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',17,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',2,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',3,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',11,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',1,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',12,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',15,0,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',8,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',21,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',18,0,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',9,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',20,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',19,0,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',13,1,'2026-12-01 17:21:39.000000');
INSERT INTO "attendance" VALUES('autumn-2026','kickoff',14,0,'2026-12-01 17:21:39.000000');
CREATE TABLE change_log (
	id INTEGER NOT NULL, 
	at DATETIME NOT NULL, 
	table_name VARCHAR(64) NOT NULL, 
	action VARCHAR(16) NOT NULL, 
	rows INTEGER NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO "change_log" VALUES(1,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(2,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(3,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(4,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(5,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(6,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(7,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(8,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(9,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(10,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(11,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(12,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(13,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(14,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(15,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(16,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(17,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(18,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(19,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(20,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(21,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(22,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(23,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(24,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(25,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(26,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(27,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(28,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(29,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(30,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(31,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(32,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(33,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(34,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(35,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(36,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(37,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(38,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(39,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(40,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(41,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(42,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(43,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(44,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(45,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(46,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(47,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(48,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(49,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(50,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(51,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(52,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(53,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(54,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(55,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(56,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(57,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(58,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(59,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(60,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(61,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(62,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(63,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(64,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(65,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(66,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(67,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(68,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(69,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(70,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(71,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(72,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(73,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(74,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(75,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(76,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(77,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(78,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(79,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(80,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(81,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(82,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(83,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(84,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(85,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(86,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(87,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(88,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(89,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(90,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(91,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(92,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(93,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(94,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(95,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(96,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(97,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(98,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(99,'2026-12-01 17:21:38.000000','people','update',1);
INSERT INTO "change_log" VALUES(100,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(101,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(102,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(103,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(104,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(105,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(106,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(107,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(108,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(109,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(110,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(111,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(112,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(113,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(114,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(115,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(116,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(117,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(118,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(119,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(120,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(121,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(122,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(123,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(124,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(125,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(126,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(127,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(128,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(129,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(130,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(131,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(132,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(133,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(134,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(135,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(136,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(137,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(138,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(139,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(140,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(141,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(142,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(143,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(144,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(145,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(146,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(147,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(148,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(149,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(150,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(151,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(152,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(153,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(154,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(155,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(156,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(157,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(158,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(159,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(160,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(161,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(162,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(163,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(164,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(165,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(166,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(167,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(168,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(169,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(170,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(171,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(172,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(173,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(174,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(175,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(176,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(177,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(178,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(179,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(180,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(181,'2026-12-01 17:21:38.000000','people','insert',1);
INSERT INTO "change_log" VALUES(182,'2026-12-01 17:21:38.000000','participations','insert',1);
INSERT INTO "change_log" VALUES(183,'2026-12-01 17:21:38.000000','match_runs','insert',1);
INSERT INTO "change_log" VALUES(184,'2026-12-01 17:21:38.000000','match_pairs','insert',25);
INSERT INTO "change_log" VALUES(185,'2026-12-01 17:21:38.000000','match_unmatched','insert',3);
INSERT INTO "change_log" VALUES(186,'2026-12-01 17:21:38.000000','match_runs','update',1);
INSERT INTO "change_log" VALUES(187,'2026-12-01 17:21:38.000000','match_runs','update',1);
INSERT INTO "change_log" VALUES(188,'2026-12-01 17:21:38.000000','participations','update',20);
INSERT INTO "change_log" VALUES(189,'2026-12-01 17:21:38.000000','participations','update',25);
INSERT INTO "change_log" VALUES(190,'2026-12-01 17:21:38.000000','message_log','insert',48);
INSERT INTO "change_log" VALUES(191,'2026-12-01 17:21:38.000000','message_log','update',48);
INSERT INTO "change_log" VALUES(192,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(193,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(194,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(195,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(196,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(197,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(198,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(199,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(200,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(201,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(202,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(203,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(204,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(205,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(206,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(207,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(208,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(209,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(210,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(211,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(212,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(213,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(214,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(215,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(216,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(217,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(218,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(219,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(220,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(221,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(222,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(223,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(224,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(225,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(226,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(227,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(228,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(229,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(230,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(231,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(232,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(233,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(234,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(235,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(236,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(237,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(238,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(239,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(240,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(241,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(242,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(243,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(244,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(245,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(246,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(247,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(248,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(249,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(250,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(251,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(252,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(253,'2026-12-01 17:21:39.000000','pair_meetings','insert',1);
INSERT INTO "change_log" VALUES(254,'2026-12-01 17:21:39.000000','attendance','insert',25);
INSERT INTO "change_log" VALUES(255,'2026-12-01 17:21:39.000000','attendance','insert',20);
INSERT INTO "change_log" VALUES(256,'2026-12-01 17:21:39.000000','attendance','insert',45);
INSERT INTO "change_log" VALUES(257,'2026-12-01 17:21:39.000000','settings','insert',1);
INSERT INTO "change_log" VALUES(258,'2026-12-01 17:21:39.000000','settings','insert',1);
INSERT INTO "change_log" VALUES(259,'2026-12-01 17:21:39.000000','overrides','insert',1);
INSERT INTO "change_log" VALUES(260,'2026-12-01 17:21:39.000000','match_settings','insert',1);
INSERT INTO "change_log" VALUES(261,'2026-12-01 17:21:39.000000','match_constraints','insert',2);
INSERT INTO "change_log" VALUES(262,'2026-12-01 17:21:39.000000','message_templates','insert',1);
INSERT INTO "change_log" VALUES(263,'2026-12-01 17:21:39.000000','event_details','insert',1);
INSERT INTO "change_log" VALUES(264,'2026-12-01 17:21:39.000000','three_party_slots','insert',1);
INSERT INTO "change_log" VALUES(265,'2026-12-01 17:21:39.000000','three_party_slots','insert',1);
INSERT INTO "change_log" VALUES(266,'2026-12-01 17:21:39.000000','three_party_bookings','insert',1);
INSERT INTO "change_log" VALUES(267,'2026-12-01 17:21:39.000000','column_mappings','insert',1);
INSERT INTO "change_log" VALUES(268,'2026-12-01 17:21:39.000000','participations','delete',1);
INSERT INTO "change_log" VALUES(269,'2026-12-01 17:21:39.000000','people','delete',1);
INSERT INTO "change_log" VALUES(270,'2026-12-01 17:21:39.000000','erased_people','insert',1);
CREATE TABLE column_mappings (
	signature VARCHAR(64) NOT NULL, 
	mapping JSON NOT NULL, 
	updated_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	PRIMARY KEY (signature)
);
INSERT INTO "column_mappings" VALUES('0000000000000000000000000000000000000000000000000000000000000000','{"e-post": "email", "namn": "name", "fritext": "extra"}','2026-12-01 17:21:39.000000');
CREATE TABLE erased_people (
	email_digest VARCHAR(64) NOT NULL, 
	erased_at DATETIME NOT NULL, 
	PRIMARY KEY (email_digest)
);
INSERT INTO "erased_people" VALUES('2e25c13feb0eaa17000a4a4f63ab5402a69e32eeef74db885a9b786c54df5b2a','2026-12-01 17:21:39.000000');
CREATE TABLE event_details (
	cohort_id VARCHAR(32) NOT NULL, 
	event_id VARCHAR(64) NOT NULL, 
	place TEXT NOT NULL, 
	time VARCHAR(100) NOT NULL, 
	note TEXT NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (cohort_id, event_id)
);
INSERT INTO "event_details" VALUES('spring-2027','mentor_mingle','Stora salen','13.00–16.00','Fika från 12.30','2026-12-01 17:21:39.000000');
CREATE TABLE login_failures (
	id INTEGER NOT NULL, 
	at DATETIME NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO "login_failures" VALUES(1,'2026-12-01 08:15:00.000000');
CREATE TABLE match_constraints (
	id INTEGER NOT NULL, 
	cohort_id VARCHAR(32) NOT NULL, 
	mentor_person_id INTEGER NOT NULL, 
	mentee_person_id INTEGER NOT NULL, 
	kind VARCHAR(8) NOT NULL, 
	created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (cohort_id, mentor_person_id, mentee_person_id), 
	FOREIGN KEY(mentor_person_id) REFERENCES people (id) ON DELETE CASCADE, 
	FOREIGN KEY(mentee_person_id) REFERENCES people (id) ON DELETE CASCADE
);
INSERT INTO "match_constraints" VALUES(1,'spring-2027',65,70,'pin','2026-12-01 17:21:39');
INSERT INTO "match_constraints" VALUES(2,'spring-2027',65,71,'forbid','2026-12-01 17:21:39');
CREATE TABLE match_pairs (
	id INTEGER NOT NULL, 
	run_id INTEGER NOT NULL, 
	mentor_person_id INTEGER NOT NULL, 
	mentee_person_id INTEGER NOT NULL, 
	score FLOAT NOT NULL, 
	pinned BOOLEAN NOT NULL, 
	reasons JSON NOT NULL, 
	warnings JSON NOT NULL, 
	alternatives JSON NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (run_id, mentee_person_id), 
	FOREIGN KEY(run_id) REFERENCES match_runs (id) ON DELETE CASCADE, 
	FOREIGN KEY(mentor_person_id) REFERENCES people (id) ON DELETE CASCADE, 
	FOREIGN KEY(mentee_person_id) REFERENCES people (id) ON DELETE CASCADE
);
INSERT INTO "match_pairs" VALUES(1,1,6,31,0.800000011920929,0,'[{"criterion": "goals", "value": 1.0, "weight": 4.0, "share": 0.4, "key": "matching.why.goals_covered", "params": {"tags": ["ledarskap"], "count": 1, "of": 1}}, {"criterion": "sector", "value": 1.0, "weight": 2.0, "share": 0.2, "key": "matching.why.sector_no_wish", "params": {}}, {"criterion": "experience", "value": 1.0, "weight": 2.0, "share": 0.2, "key": "matching.why.experience_more", "params": {"years": 18}}, {"criterion": "town", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.town_other", "params": {"town": "H\u00e4rn\u00f6sand", "mentor_town": "Sundsvall"}}, {"criterion": "text", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.text_nothing_shared", "params": {}}]','[]','[{"mentor_person_id": 1, "score": 0.5}, {"mentor_person_id": 20, "score": 0.410769}, {"mentor_person_id": 7, "score": 0.4}]');
INSERT INTO "match_pairs" VALUES(2,1,7,25,0.699999988079071,0,'[{"criterion": "goals", "value": 0.5, "weight": 4.0, "share": 0.2, "key": "matching.why.goals_covered", "params": {"tags": ["upphandling"], "count": 1, "of": 2}}, {"criterion": "sector", "value": 1.0, "weight": 2.0, "share": 0.2, "key": "matching.why.sector_no_wish", "params": {}}, {"criterion": "experience", "value": 1.0, "weight": 2.0, "share": 0.2, "key": "matching.why.experience_more", "params": {"years": 20}}, {"criterion": "town", "value": 1.0, "weight": 1.0, "share": 0.1, "key": "matching.why.town_same", "params": {"town": "Sundsvall"}}, {"criterion": "text", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.text_nothing_shared", "params": {}}]','[]','[{"mentor_person_id": 20, "score": 0.510596}, {"mentor_person_id": 6, "score": 0.5}, {"mentor_person_id": 9, "score": 0.5}]');
INSERT INTO "match_pairs" VALUES(3,1,4,32,5.33333361148834228515e-01,0,'[{"criterion": "sector", "value": 1.0, "weight": 2.0, "share": 0.2, "key": "matching.why.sector_no_wish", "params": {}}, {"criterion": "experience", "value": 1.0, "weight": 2.0, "share": 0.2, "key": "matching.why.experience_more", "params": {"years": 12}}, {"criterion": "goals", "value": 0.3333, "weight": 4.0, "share": 0.1333, "key": "matching.why.goals_covered", "params": {"tags": ["projektledning"], "count": 1, "of": 3}}, {"criterion": "town", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.town_other", "params": {"town": "Sundsvall", "mentor_town": "Timr\u00e5"}}, {"criterion": "text", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.text_nothing_shared", "params": {}}]','[]','[{"mentor_person_id": 10, "score": 0.666667}, {"mentor_person_id": 12, "score": 0.65764}, {"mentor_person_id": 6, "score": 0.593333}]');
INSERT INTO "match_pairs" VALUES(4,1,22,35,4.13333356380462646484e-01,0,'[{"criterion": "sector", "value": 1.0, "weight": 2.0, "share": 0.2, "key": "matching.why.sector_same_met", "params": {"sector": "Offentlig f\u00f6rvaltning", "mentor_sector": "Offentlig f\u00f6rvaltning"}}, {"criterion": "goals", "value": 0.3333, "weight": 4.0, "share": 0.1333, "key": "matching.why.goals_covered", "params": {"tags": ["ekonomistyrning"], "count": 1, "of": 3}}, {"criterion": "experience", "value": 0.4, "weight": 2.0, "share": 0.08, "key": "matching.why.experience_more", "params": {"years": 4}}, {"criterion": "town", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.town_other", "params": {"town": "H\u00e4rn\u00f6sand", "mentor_town": "Timr\u00e5"}}, {"criterion": "text", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.text_nothing_shared", "params": {}}]','[]','[{"mentor_person_id": 9, "score": 0.4}, {"mentor_person_id": 14, "score": 0.36}, {"mentor_person_id": 3, "score": 0.333333}]');
INSERT INTO "match_pairs" VALUES(5,1,10,27,0.800000011920929,0,'[{"criterion": "goals", "value": 1.0, "weight": 4.0, "share": 0.4, "key": "matching.why.goals_covered", "params": {"tags": ["upphandling"], "count": 1, "of": 1}}, {"criterion": "sector", "value": 1.0, "weight": 2.0, "share": 0.2, "key": "matching.why.sector_no_wish", "params": {}}, {"criterion": "experience", "value": 1.0, "weight": 2.0, "share": 0.2, "key": "matching.why.experience_more", "params": {"years": 20}}, {"criterion": "town", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.town_other", "params": {"town": "Sundsvall", "mentor_town": "Ume\u00e5"}}, {"criterion": "text", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.text_nothing_shared", "params": {}}]','[]','[{"mentor_person_id": 7, "score": 0.9}, {"mentor_person_id": 20, "score": 0.66}, {"mentor_person_id": 12, "score": 0.5}]');
INSERT INTO "match_pairs" VALUES(6,1,10,38,0.800000011920929,0,'[{"criterion": "goals", "value": 1.0, "weight": 4.0, "share": 0.4, "key": "matching.why.goals_covered", "params": {"tags": ["innovation"], "count": 1, "of": 1}}, {"criterion": "sector", "value": 1.0, "weight": 2.0, "share": 0.2, "key": "matching.why.sector_other_met", "params": {"sector": "IT och digitalisering", "mentor_sector": "Fastighet"}}, {"criterion": "experience", "value": 1.0, "weight": 2.0, "share": 0.2, "key": "matching.why.experience_more", "params": {"years": 29}}, {"criterion": "town", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.town_other", "params": {"town": "Timr\u00e5", "mentor_town": "Ume\u00e5"}}, {"criterion": "text", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.text_nothing_shared", "params": {}}]','[]','[{"mentor_person_id": 12, "score": 0.8}, {"mentor_person_id": 4, "score": 0.5}, {"mentor_person_id": 13, "score": 0.42}]');
INSERT INTO "match_pairs" VALUES(7,1,17,41,6.30876183509826660156e-01,0,'[{"criterion": "goals", "value": 0.5, "weight": 4.0, "share": 0.2, "key": "matching.why.goals_covered", "params": {"tags": ["karri\u00e4rplanering"], "count": 1, "of": 2}}, {"criterion": "sector", "value": 1.0, "weight": 2.0, "share": 0.2, "key": "matching.why.sector_no_wish", "params": {}}, {"criterion": "experience", "value": 0.6, "weight": 2.0, "share": 0.12, "key": "matching.why.experience_more", "params": {"years": 6}}, {"criterion": "town", "value": 1.0, "weight": 1.0, "share": 0.1, "key": "matching.why.town_same", "params": {"town": "Sundsvall"}}, {"criterion": "text", "value": 0.1088, "weight": 1.0, "share": 0.0109, "key": "matching.why.text_shared", "params": {"words": ["chef"]}}]','[]','[{"mentor_person_id": 7, "score": 0.7}, {"mentor_person_id": 11, "score": 0.6}, {"mentor_person_id": 1, "score": 0.6}]');
INSERT INTO "match_pairs" VALUES(8,1,2,30,6.98695361614227294921e-01,0,'[{"criterion": "goals", "value": 1.0, "weight": 4.0, "share": 0.4, "key": "matching.why.goals_covered", "params": {"tags": ["strategiskt arbete"], "count": 1, "of": 1}}, {"criterion": "sector", "value": 1.0, "weight": 2.0, "share": 0.2, "key": "matching.why.sector_other_met", "params": {"sector": "Energi", "mentor_sector": "Fastighet"}}, {"criterion": "experience", "value": 0.4, "weight": 2.0, "share": 0.08, "key": "matching.why.experience_more", "params": {"years": 4}}, {"criterion": "text", "value": 0.187, "weight": 1.0, "share": 0.0187, "key": "matching.why.text_shared", "params": {"words": ["avdelningschef"]}}, {"criterion": "town", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.town_other", "params": {"town": "Sundsvall", "mentor_town": "Kramfors"}}]','[]','[{"mentor_person_id": 6, "score": 0.5}, {"mentor_person_id": 7, "score": 0.5}, {"mentor_person_id": 3, "score": 0.5}]');
INSERT INTO "match_pairs" VALUES(9,1,2,46,7.80000030994415283203e-01,0,'[{"criterion": "goals", "value": 1.0, "weight": 4.0, "share": 0.4, "key": "matching.why.goals_covered", "params": {"tags": ["coachning"], "count": 1, "of": 1}}, {"criterion": "sector", "value": 1.0, "weight": 2.0, "share": 0.2, "key": "matching.why.sector_no_wish", "params": {}}, {"criterion": "town", "value": 1.0, "weight": 1.0, "share": 0.1, "key": "matching.why.town_same", "params": {"town": "Kramfors"}}, {"criterion": "experience", "value": 0.4, "weight": 2.0, "share": 0.08, "key": "matching.why.experience_more", "params": {"years": 4}}, {"criterion": "text", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.text_nothing_shared", "params": {}}]','[]','[{"mentor_person_id": 21, "score": 0.8}, {"mentor_person_id": 18, "score": 0.7}, {"mentor_person_id": 20, "score": 0.410596}]');
INSERT INTO "match_pairs" VALUES(10,1,3,26,0.5,0,'[{"criterion": "goals", "value": 0.5, "weight": 4.0, "share": 0.2, "key": "matching.why.goals_covered", "params": {"tags": ["arbetsmilj\u00f6"], "count": 1, "of": 2}}, {"criterion": "experience", "value": 1.0, "weight": 2.0, "share": 0.2, "key": "matching.why.experience_more", "params": {"years": 10}}, {"criterion": "town", "value": 1.0, "weight": 1.0, "share": 0.1, "key": "matching.why.town_same", "params": {"town": "Sundsvall"}}, {"criterion": "sector", "value": 0.0, "weight": 2.0, "share": 0.0, "key": "matching.why.sector_same_unmet", "params": {"sector": "IT och digitalisering", "mentor_sector": "Fastighet"}}, {"criterion": "text", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.text_nothing_shared", "params": {}}]','[]','[{"mentor_person_id": 12, "score": 0.5}, {"mentor_person_id": 10, "score": 0.4}, {"mentor_person_id": 4, "score": 0.2}]');
INSERT INTO "match_pairs" VALUES(11,1,11,42,4.80000019073486328125e-01,0,'[{"criterion": "goals", "value": 0.5, "weight": 4.0, "share": 0.2, "key": "matching.why.goals_covered", "params": {"tags": ["konflikthantering"], "count": 1, "of": 2}}, {"criterion": "experience", "value": 0.9, "weight": 2.0, "share": 0.18, "key": "matching.why.experience_more", "params": {"years": 9}}, {"criterion": "town", "value": 1.0, "weight": 1.0, "share": 0.1, "key": "matching.why.town_same", "params": {"town": "\u00d6stersund"}}, {"criterion": "sector", "value": 0.0, "weight": 2.0, "share": 0.0, "key": "matching.why.sector_same_unmet", "params": {"sector": "IT och digitalisering", "mentor_sector": "Offentlig f\u00f6rvaltning"}}, {"criterion": "text", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.text_nothing_shared", "params": {}}]','[]','[{"mentor_person_id": 4, "score": 0.2}, {"mentor_person_id": 10, "score": 0.2}, {"mentor_person_id": 3, "score": 0.2}]');
INSERT INTO "match_pairs" VALUES(12,1,1,24,5.33333361148834228515e-01,0,'[{"criterion": "sector", "value": 1.0, "weight": 2.0, "share": 0.2, "key": "matching.why.sector_no_wish", "params": {}}, {"criterion": "experience", "value": 1.0, "weight": 2.0, "share": 0.2, "key": "matching.why.experience_more", "params": {"years": 11}}, {"criterion": "goals", "value": 0.3333, "weight": 4.0, "share": 0.1333, "key": "matching.why.goals_covered", "params": {"tags": ["karri\u00e4rplanering"], "count": 1, "of": 3}}, {"criterion": "town", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.town_other", "params": {"town": "Sundsvall", "mentor_town": "H\u00e4rn\u00f6sand"}}, {"criterion": "text", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.text_nothing_shared", "params": {}}]','[]','[{"mentor_person_id": 3, "score": 0.633333}, {"mentor_person_id": 2, "score": 0.526667}, {"mentor_person_id": 12, "score": 0.5}]');
INSERT INTO "match_pairs" VALUES(13,1,1,44,5.80000042915344238281e-01,0,'[{"criterion": "goals", "value": 1.0, "weight": 4.0, "share": 0.4, "key": "matching.why.goals_covered", "params": {"tags": ["kommunikation"], "count": 1, "of": 1}}, {"criterion": "experience", "value": 0.9, "weight": 2.0, "share": 0.18, "key": "matching.why.experience_more", "params": {"years": 9}}, {"criterion": "sector", "value": 0.0, "weight": 2.0, "share": 0.0, "key": "matching.why.sector_same_unmet", "params": {"sector": "Transport och logistik", "mentor_sector": "Skog och tr\u00e4"}}, {"criterion": "town", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.town_other", "params": {"town": "Sundsvall", "mentor_town": "H\u00e4rn\u00f6sand"}}, {"criterion": "text", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.text_nothing_shared", "params": {}}]','[]','[{"mentor_person_id": 20, "score": 0.54}, {"mentor_person_id": 6, "score": 0.3}, {"mentor_person_id": 7, "score": 0.3}]');
INSERT INTO "match_pairs" VALUES(14,1,12,39,7.66666710376739501953e-01,0,'[{"criterion": "goals", "value": 0.6667, "weight": 4.0, "share": 0.2667, "key": "matching.why.goals_covered", "params": {"tags": ["arbetsmilj\u00f6", "innovation"], "count": 2, "of": 3}}, {"criterion": "sector", "value": 1.0, "weight": 2.0, "share": 0.2, "key": "matching.why.sector_no_wish", "params": {}}, {"criterion": "experience", "value": 1.0, "weight": 2.0, "share": 0.2, "key": "matching.why.experience_more", "params": {"years": 18}}, {"criterion": "town", "value": 1.0, "weight": 1.0, "share": 0.1, "key": "matching.why.town_same", "params": {"town": "Sundsvall"}}, {"criterion": "text", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.text_nothing_shared", "params": {}}]','[]','[{"mentor_person_id": 3, "score": 0.633333}, {"mentor_person_id": 10, "score": 0.533333}, {"mentor_person_id": 4, "score": 0.4}]');
INSERT INTO "match_pairs" VALUES(15,1,15,29,0.800000011920929,0,'[{"criterion": "goals", "value": 1.0, "weight": 4.0, "share": 0.4, "key": "matching.why.goals_covered", "params": {"tags": ["n\u00e4tverkande"], "count": 1, "of": 1}}, {"criterion": "sector", "value": 1.0, "weight": 2.0, "share": 0.2, "key": "matching.why.sector_no_wish", "params": {}}, {"criterion": "experience", "value": 1.0, "weight": 2.0, "share": 0.2, "key": "matching.why.experience_more", "params": {"years": 11}}, {"criterion": "town", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.town_other", "params": {"town": "H\u00e4rn\u00f6sand", "mentor_town": "Timr\u00e5"}}, {"criterion": "text", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.text_nothing_shared", "params": {}}]','[]','[{"mentor_person_id": 22, "score": 0.8}, {"mentor_person_id": 16, "score": 0.74}, {"mentor_person_id": 1, "score": 0.5}]');
INSERT INTO "match_pairs" VALUES(16,1,15,47,5.66666722297668457031e-01,0,'[{"criterion": "goals", "value": 0.6667, "weight": 4.0, "share": 0.2667, "key": "matching.why.goals_covered", "params": {"tags": ["presentationsteknik", "att leda utan mandat"], "count": 2, "of": 3}}, {"criterion": "sector", "value": 1.0, "weight": 2.0, "share": 0.2, "key": "matching.why.sector_other_met", "params": {"sector": "H\u00e4lso- och sjukv\u00e5rd", "mentor_sector": "Fastighet"}}, {"criterion": "experience", "value": 0.5, "weight": 2.0, "share": 0.1, "key": "matching.why.experience_more", "params": {"years": 5}}, {"criterion": "town", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.town_other", "params": {"town": "H\u00e4rn\u00f6sand", "mentor_town": "Timr\u00e5"}}, {"criterion": "text", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.text_nothing_shared", "params": {}}]','[]','[{"mentor_person_id": 10, "score": 0.533333}, {"mentor_person_id": 14, "score": 0.533333}, {"mentor_person_id": 21, "score": 0.513333}]');
INSERT INTO "match_pairs" VALUES(17,1,8,28,5.33333361148834228515e-01,0,'[{"criterion": "sector", "value": 1.0, "weight": 2.0, "share": 0.2, "key": "matching.why.sector_other_met", "params": {"sector": "Utbildning och forskning", "mentor_sector": "IT och digitalisering"}}, {"criterion": "experience", "value": 1.0, "weight": 2.0, "share": 0.2, "key": "matching.why.experience_more", "params": {"years": 20}}, {"criterion": "goals", "value": 0.3333, "weight": 4.0, "share": 0.1333, "key": "matching.why.goals_covered", "params": {"tags": ["digitalisering"], "count": 1, "of": 3}}, {"criterion": "town", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.town_other", "params": {"town": "Sundsvall", "mentor_town": "\u00d6rnsk\u00f6ldsvik"}}, {"criterion": "text", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.text_nothing_shared", "params": {}}]','[]','[{"mentor_person_id": 20, "score": 0.666667}, {"mentor_person_id": 6, "score": 0.633333}, {"mentor_person_id": 12, "score": 0.633333}]');
INSERT INTO "match_pairs" VALUES(18,1,21,36,7.40000009536743164062e-01,0,'[{"criterion": "goals", "value": 1.0, "weight": 4.0, "share": 0.4, "key": "matching.why.goals_covered", "params": {"tags": ["ekonomistyrning"], "count": 1, "of": 1}}, {"criterion": "sector", "value": 1.0, "weight": 2.0, "share": 0.2, "key": "matching.why.sector_other_met", "params": {"sector": "Energi", "mentor_sector": "Transport och logistik"}}, {"criterion": "experience", "value": 0.7, "weight": 2.0, "share": 0.14, "key": "matching.why.experience_more", "params": {"years": 7}}, {"criterion": "town", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.town_other", "params": {"town": "Ume\u00e5", "mentor_town": "\u00d6rnsk\u00f6ldsvik"}}, {"criterion": "text", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.text_nothing_shared", "params": {}}]','[]','[{"mentor_person_id": 22, "score": 0.68}, {"mentor_person_id": 10, "score": 0.520153}, {"mentor_person_id": 9, "score": 0.419983}]');
INSERT INTO "match_pairs" VALUES(19,1,21,33,5.80000042915344238281e-01,0,'[{"criterion": "goals", "value": 0.5, "weight": 4.0, "share": 0.2, "key": "matching.why.goals_covered", "params": {"tags": ["coachning"], "count": 1, "of": 2}}, {"criterion": "sector", "value": 1.0, "weight": 2.0, "share": 0.2, "key": "matching.why.sector_no_wish", "params": {}}, {"criterion": "experience", "value": 0.9, "weight": 2.0, "share": 0.18, "key": "matching.why.experience_more", "params": {"years": 9}}, {"criterion": "town", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.town_other", "params": {"town": "Timr\u00e5", "mentor_town": "\u00d6rnsk\u00f6ldsvik"}}, {"criterion": "text", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.text_nothing_shared", "params": {}}]','[]','[{"mentor_person_id": 18, "score": 0.76}, {"mentor_person_id": 3, "score": 0.6}, {"mentor_person_id": 12, "score": 0.6}]');
INSERT INTO "match_pairs" VALUES(20,1,18,40,5.80000042915344238281e-01,0,'[{"criterion": "goals", "value": 1.0, "weight": 4.0, "share": 0.4, "key": "matching.why.goals_covered", "params": {"tags": ["konflikthantering", "arbetsmilj\u00f6"], "count": 2, "of": 2}}, {"criterion": "experience", "value": 0.9, "weight": 2.0, "share": 0.18, "key": "matching.why.experience_more", "params": {"years": 9}}, {"criterion": "sector", "value": 0.0, "weight": 2.0, "share": 0.0, "key": "matching.why.sector_same_unmet", "params": {"sector": "Energi", "mentor_sector": "IT och digitalisering"}}, {"criterion": "town", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.town_other", "params": {"town": "Kramfors", "mentor_town": "Timr\u00e5"}}, {"criterion": "text", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.text_nothing_shared", "params": {}}]','[]','[{"mentor_person_id": 3, "score": 0.4}, {"mentor_person_id": 11, "score": 0.4}, {"mentor_person_id": 12, "score": 0.4}]');
INSERT INTO "match_pairs" VALUES(21,1,9,34,6.33333325386047363281e-01,0,'[{"criterion": "sector", "value": 1.0, "weight": 2.0, "share": 0.2, "key": "matching.why.sector_no_wish", "params": {}}, {"criterion": "experience", "value": 1.0, "weight": 2.0, "share": 0.2, "key": "matching.why.experience_more", "params": {"years": 18}}, {"criterion": "goals", "value": 0.3333, "weight": 4.0, "share": 0.1333, "key": "matching.why.goals_covered", "params": {"tags": ["rekrytering"], "count": 1, "of": 3}}, {"criterion": "town", "value": 1.0, "weight": 1.0, "share": 0.1, "key": "matching.why.town_same", "params": {"town": "Sundsvall"}}, {"criterion": "text", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.text_nothing_shared", "params": {}}]','[]','[{"mentor_person_id": 3, "score": 0.613333}, {"mentor_person_id": 6, "score": 0.593333}, {"mentor_person_id": 8, "score": 0.533333}]');
INSERT INTO "match_pairs" VALUES(22,1,20,48,6.80000007152557373046e-01,0,'[{"criterion": "goals", "value": 1.0, "weight": 4.0, "share": 0.4, "key": "matching.why.goals_covered", "params": {"tags": ["kommunikation"], "count": 1, "of": 1}}, {"criterion": "sector", "value": 1.0, "weight": 2.0, "share": 0.2, "key": "matching.why.sector_no_wish", "params": {}}, {"criterion": "experience", "value": 0.4, "weight": 2.0, "share": 0.08, "key": "matching.why.experience_more", "params": {"years": 4}}, {"criterion": "town", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.town_other", "params": {"town": "Ume\u00e5", "mentor_town": "\u00d6rnsk\u00f6ldsvik"}}, {"criterion": "text", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.text_nothing_shared", "params": {}}]','[]','[{"mentor_person_id": 7, "score": 0.416818}, {"mentor_person_id": 19, "score": 0.416818}, {"mentor_person_id": 9, "score": 0.4}]');
INSERT INTO "match_pairs" VALUES(23,1,19,37,6.33333325386047363281e-01,0,'[{"criterion": "sector", "value": 1.0, "weight": 2.0, "share": 0.2, "key": "matching.why.sector_no_wish", "params": {}}, {"criterion": "experience", "value": 1.0, "weight": 2.0, "share": 0.2, "key": "matching.why.experience_more", "params": {"years": 14}}, {"criterion": "goals", "value": 0.3333, "weight": 4.0, "share": 0.1333, "key": "matching.why.goals_covered", "params": {"tags": ["arbetsmilj\u00f6"], "count": 1, "of": 3}}, {"criterion": "town", "value": 1.0, "weight": 1.0, "share": 0.1, "key": "matching.why.town_same", "params": {"town": "\u00d6rnsk\u00f6ldsvik"}}, {"criterion": "text", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.text_nothing_shared", "params": {}}]','[]','[{"mentor_person_id": 20, "score": 0.573333}, {"mentor_person_id": 7, "score": 0.533333}, {"mentor_person_id": 3, "score": 0.533333}]');
INSERT INTO "match_pairs" VALUES(24,1,13,45,5.60000002384185791015e-01,0,'[{"criterion": "goals", "value": 0.5, "weight": 4.0, "share": 0.2, "key": "matching.why.goals_covered", "params": {"tags": ["kvalitetsarbete"], "count": 1, "of": 2}}, {"criterion": "sector", "value": 1.0, "weight": 2.0, "share": 0.2, "key": "matching.why.sector_no_wish", "params": {}}, {"criterion": "experience", "value": 0.8, "weight": 2.0, "share": 0.16, "key": "matching.why.experience_more", "params": {"years": 8}}, {"criterion": "town", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.town_other", "params": {"town": "Sundsvall", "mentor_town": "Timr\u00e5"}}, {"criterion": "text", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.text_nothing_shared", "params": {}}]','[]','[{"mentor_person_id": 3, "score": 0.7}, {"mentor_person_id": 12, "score": 0.5}, {"mentor_person_id": 10, "score": 0.422675}]');
INSERT INTO "match_pairs" VALUES(25,1,14,43,0.800000011920929,0,'[{"criterion": "goals", "value": 1.0, "weight": 4.0, "share": 0.4, "key": "matching.why.goals_covered", "params": {"tags": ["innovation"], "count": 1, "of": 1}}, {"criterion": "sector", "value": 1.0, "weight": 2.0, "share": 0.2, "key": "matching.why.sector_no_wish", "params": {}}, {"criterion": "experience", "value": 1.0, "weight": 2.0, "share": 0.2, "key": "matching.why.experience_more", "params": {"years": 13}}, {"criterion": "town", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.town_other", "params": {"town": "\u00d6stersund", "mentor_town": "Kramfors"}}, {"criterion": "text", "value": 0.0, "weight": 1.0, "share": 0.0, "key": "matching.why.text_nothing_shared", "params": {}}]','[]','[{"mentor_person_id": 20, "score": 0.81037}, {"mentor_person_id": 6, "score": 0.8}, {"mentor_person_id": 10, "score": 0.8}]');
CREATE TABLE match_runs (
	id INTEGER NOT NULL, 
	cohort_id VARCHAR(32) NOT NULL, 
	created_at DATETIME NOT NULL, 
	objective VARCHAR(16) NOT NULL, 
	settings JSON NOT NULL, 
	constraints JSON NOT NULL, 
	notices JSON NOT NULL, 
	pair_count INTEGER NOT NULL, 
	unmatched_count INTEGER NOT NULL, 
	total_score FLOAT NOT NULL, 
	accepted BOOLEAN NOT NULL, 
	accepted_at DATETIME, 
	PRIMARY KEY (id)
);
INSERT INTO "match_runs" VALUES(1,'autumn-2026','2026-12-01 17:21:38.000000','total','{"goals": 4.0, "sector": 2.0, "town": 1.0, "experience": 2.0, "text": 1.0, "same_organisation_rule": true, "objective": "total"}','[]','[]',25,3,1.61229053139686584472e+01,1,'2026-12-01 17:21:38.000000');
CREATE TABLE match_settings (
	cohort_id VARCHAR(32) NOT NULL, 
	settings JSON NOT NULL, 
	updated_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	PRIMARY KEY (cohort_id)
);
INSERT INTO "match_settings" VALUES('spring-2027','{"goals": 5.0, "sector": 2.0, "town": 0.0, "experience": 2.0, "text": 1.0, "same_organisation_rule": true, "objective": "fairest"}','2026-12-01 17:21:39.000000');
CREATE TABLE match_unmatched (
	id INTEGER NOT NULL, 
	run_id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	role VARCHAR(16) NOT NULL, 
	reason JSON NOT NULL, 
	alternatives JSON NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(run_id) REFERENCES match_runs (id) ON DELETE CASCADE, 
	FOREIGN KEY(person_id) REFERENCES people (id) ON DELETE CASCADE
);
INSERT INTO "match_unmatched" VALUES(1,1,16,'mentor','{"key": "matching.reason.mentees_elsewhere", "params": {"count": 17}}','[]');
INSERT INTO "match_unmatched" VALUES(2,1,5,'mentor','{"key": "matching.reason.mentees_elsewhere", "params": {"count": 17}}','[]');
INSERT INTO "match_unmatched" VALUES(3,1,23,'mentor','{"key": "matching.reason.mentees_elsewhere", "params": {"count": 16}}','[]');
CREATE TABLE message_log (
	id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	email VARCHAR(254) NOT NULL, 
	cohort_id VARCHAR(32) NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	event_id VARCHAR(64) NOT NULL, 
	template VARCHAR(64) NOT NULL, 
	subject TEXT NOT NULL, 
	channel VARCHAR(8) NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	at DATETIME NOT NULL, 
	error TEXT NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(person_id) REFERENCES people (id) ON DELETE CASCADE
);
INSERT INTO "message_log" VALUES(1,6,'ahmed.karlsson@sundsvallskommun.example','autumn-2026','decision','decisions_sent','decision_mentor','Besked: du är mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(2,7,'anders.olsson@regionnorrland.example','autumn-2026','decision','decisions_sent','decision_mentor','Besked: du är mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(3,4,'anna.hassan@regionnorrland.example','autumn-2026','decision','decisions_sent','decision_mentor','Besked: du är mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(4,22,'bjorn.lindqvist@kustlanda.example','autumn-2026','decision','decisions_sent','decision_mentor','Besked: du är mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(5,10,'camilla.wikstrom@lansbostader.example','autumn-2026','decision','decisions_sent','decision_mentor','Besked: du är mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(6,17,'daniel.astrom@sundsvallskommun.example','autumn-2026','decision','decisions_sent','decision_mentor','Besked: du är mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(7,2,'emma.astrom@lansbostader.example','autumn-2026','decision','decisions_sent','decision_mentor','Besked: du är mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(8,3,'eva.nordin@lansbostader.example','autumn-2026','decision','decisions_sent','decision_mentor','Besked: du är mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(9,11,'fatima.andersson@sundsvallskommun.example','autumn-2026','decision','decisions_sent','decision_mentor','Besked: du är mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(10,1,'fatima.johansson@norrskogtra.example','autumn-2026','decision','decisions_sent','decision_mentor','Besked: du är mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(11,12,'fatima.sundberg@mittbanken.example','autumn-2026','decision','decisions_sent','decision_mentor','Besked: du är mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(12,15,'fredrik.forsberg@lansbostader.example','autumn-2026','decision','decisions_sent','decision_mentor','Besked: du är mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(13,8,'hanna.svensson@nordvikit.example','autumn-2026','decision','decisions_sent','decision_mentor','Besked: du är mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(14,21,'hassan.karlsson@bottenvikenlogistik.example','autumn-2026','decision','decisions_sent','decision_mentor','Besked: du är mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(15,18,'henrik.bergkvist@nordvikit.example','autumn-2026','decision','decisions_sent','decision_mentor','Besked: du är mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(16,9,'jonas.engstrom@kustlanda.example','autumn-2026','decision','decisions_sent','decision_mentor','Besked: du är mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(17,20,'jussi.bergkvist@nordvikit.example','autumn-2026','decision','decisions_sent','decision_mentor','Besked: du är mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(18,19,'pekka.larsson@nordvikit.example','autumn-2026','decision','decisions_sent','decision_mentor','Besked: du är mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(19,13,'therese.ek@norrskogtra.example','autumn-2026','decision','decisions_sent','decision_mentor','Besked: du är mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(20,14,'tobias.lindstrom@kustlanda.example','autumn-2026','decision','decisions_sent','decision_mentor','Besked: du är mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(21,31,'elin.hassan@alvkraft.example','autumn-2026','decision','decisions_sent','decision_mentee','Besked: din mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(22,25,'pekka.lindberg@alvkraft.example','autumn-2026','decision','decisions_sent','decision_mentee','Besked: din mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(23,32,'camilla.haddad@nordvikit.example','autumn-2026','decision','decisions_sent','decision_mentee','Besked: din mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(24,35,'emil.rahimi@sundsvallskommun.example','autumn-2026','decision','decisions_sent','decision_mentee','Besked: din mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(25,27,'mattias.nordin@alvkraft.example','autumn-2026','decision','decisions_sent','decision_mentee','Besked: din mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(26,38,'therese.olsson@nordvikit.example','autumn-2026','decision','decisions_sent','decision_mentee','Besked: din mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(27,41,'nour.hedlund@hogskolanmittnorr.example','autumn-2026','decision','decisions_sent','decision_mentee','Besked: din mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(28,30,'kerstin.astrom@alvkraft.example','autumn-2026','decision','decisions_sent','decision_mentee','Besked: din mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(29,46,'mikael.lindstrom@kustlanda.example','autumn-2026','decision','decisions_sent','decision_mentee','Besked: din mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(30,26,'maria.lindqvist@nordvikit.example','autumn-2026','decision','decisions_sent','decision_mentee','Besked: din mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(31,42,'ahmed.bergkvist@nordvikit.example','autumn-2026','decision','decisions_sent','decision_mentee','Besked: din mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(32,24,'emma.lindstrom@sundsvallskommun.example','autumn-2026','decision','decisions_sent','decision_mentee','Besked: din mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(33,44,'nils.forsberg@bottenvikenlogistik.example','autumn-2026','decision','decisions_sent','decision_mentee','Besked: din mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(34,39,'leila.lindqvist@nordvikit.example','autumn-2026','decision','decisions_sent','decision_mentee','Besked: din mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(35,29,'elin.larsson@nordvikit.example','autumn-2026','decision','decisions_sent','decision_mentee','Besked: din mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(36,47,'kerstin.persson@regionnorrland.example','autumn-2026','decision','decisions_sent','decision_mentee','Besked: din mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(37,28,'daniel.berglund@hogskolanmittnorr.example','autumn-2026','decision','decisions_sent','decision_mentee','Besked: din mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(38,36,'helena.sjoberg@alvkraft.example','autumn-2026','decision','decisions_sent','decision_mentee','Besked: din mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(39,33,'ida.haddad@hogskolanmittnorr.example','autumn-2026','decision','decisions_sent','decision_mentee','Besked: din mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(40,40,'lena.blom@alvkraft.example','autumn-2026','decision','decisions_sent','decision_mentee','Besked: din mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(41,34,'fatima.johansson@bottenvikenlogistik.example','autumn-2026','decision','decisions_sent','decision_mentee','Besked: din mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(42,48,'karl.astrom@bottenvikenlogistik.example','autumn-2026','decision','decisions_sent','decision_mentee','Besked: din mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(43,37,'aino.wikstrom@sundsvallskommun.example','autumn-2026','decision','decisions_sent','decision_mentee','Besked: din mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(44,45,'malin.strand@nordvikit.example','autumn-2026','decision','decisions_sent','decision_mentee','Besked: din mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(45,43,'maria.berglund@mittbanken.example','autumn-2026','decision','decisions_sent','decision_mentee','Besked: din mentor i mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(46,16,'anders.korhonen@sundsvallskommun.example','autumn-2026','decision','decisions_sent','not_matched','Besked från mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(47,5,'magnus.rahimi@sundsvallskommun.example','autumn-2026','decision','decisions_sent','not_matched','Besked från mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
INSERT INTO "message_log" VALUES(48,23,'sara.westerlund@nordvikit.example','autumn-2026','decision','decisions_sent','not_matched','Besked från mentorskapsprogrammet, Höststart 2026','eml','sent','2026-12-01 17:21:38.000000','');
CREATE TABLE message_templates (
	kind VARCHAR(64) NOT NULL, 
	lang VARCHAR(8) NOT NULL, 
	subject TEXT NOT NULL, 
	body TEXT NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (kind, lang)
);
INSERT INTO "message_templates" VALUES('decision_mentor','sv','Välkommen som mentor','Hej {name}!

Du är antagen.','2026-12-01 17:21:39.000000');
CREATE TABLE overrides (
	cohort_id VARCHAR(32) NOT NULL, 
	event_id VARCHAR(64) NOT NULL, 
	start DATE NOT NULL, 
	"end" DATE NOT NULL, 
	note TEXT NOT NULL, 
	created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	PRIMARY KEY (cohort_id, event_id)
);
INSERT INTO "overrides" VALUES('spring-2027','mentor_mingle','2026-09-10','2026-09-10','Flyttad en vecka','2026-12-01 17:21:39');
CREATE TABLE pair_meetings (
	id INTEGER NOT NULL, 
	cohort_id VARCHAR(32) NOT NULL, 
	mentor_person_id INTEGER NOT NULL, 
	mentee_person_id INTEGER NOT NULL, 
	number INTEGER NOT NULL, 
	held_on DATE NOT NULL, 
	note TEXT NOT NULL, 
	recorded_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (cohort_id, mentor_person_id, mentee_person_id, number), 
	FOREIGN KEY(mentor_person_id) REFERENCES people (id) ON DELETE CASCADE, 
	FOREIGN KEY(mentee_person_id) REFERENCES people (id) ON DELETE CASCADE
);
INSERT INTO "pair_meetings" VALUES(1,'autumn-2026',1,24,1,'2026-09-29','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(2,'autumn-2026',1,44,1,'2026-10-02','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(3,'autumn-2026',2,30,1,'2026-10-01','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(4,'autumn-2026',2,46,1,'2026-09-29','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(5,'autumn-2026',3,26,1,'2026-09-28','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(6,'autumn-2026',4,32,1,'2026-10-01','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(7,'autumn-2026',6,31,1,'2026-10-01','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(8,'autumn-2026',7,25,1,'2026-10-02','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(9,'autumn-2026',8,28,1,'2026-10-02','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(10,'autumn-2026',9,34,1,'2026-09-29','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(11,'autumn-2026',10,27,1,'2026-09-29','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(12,'autumn-2026',10,38,1,'2026-09-30','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(13,'autumn-2026',11,42,1,'2026-09-30','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(14,'autumn-2026',12,39,1,'2026-10-01','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(15,'autumn-2026',13,45,1,'2026-09-29','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(16,'autumn-2026',14,43,1,'2026-10-02','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(17,'autumn-2026',15,29,1,'2026-09-30','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(18,'autumn-2026',15,47,1,'2026-09-30','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(19,'autumn-2026',17,41,1,'2026-09-29','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(20,'autumn-2026',18,40,1,'2026-09-28','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(21,'autumn-2026',19,37,1,'2026-09-30','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(22,'autumn-2026',20,48,1,'2026-10-02','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(23,'autumn-2026',21,33,1,'2026-09-30','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(24,'autumn-2026',21,36,1,'2026-09-30','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(25,'autumn-2026',22,35,1,'2026-09-30','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(26,'autumn-2026',1,24,2,'2026-11-05','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(27,'autumn-2026',1,44,2,'2026-11-06','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(28,'autumn-2026',2,30,2,'2026-11-06','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(29,'autumn-2026',2,46,2,'2026-11-02','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(30,'autumn-2026',3,26,2,'2026-11-05','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(31,'autumn-2026',4,32,2,'2026-11-03','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(32,'autumn-2026',6,31,2,'2026-11-05','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(33,'autumn-2026',7,25,2,'2026-11-02','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(34,'autumn-2026',8,28,2,'2026-11-02','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(35,'autumn-2026',9,34,2,'2026-11-05','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(36,'autumn-2026',10,27,2,'2026-11-06','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(37,'autumn-2026',10,38,2,'2026-11-02','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(38,'autumn-2026',11,42,2,'2026-11-06','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(39,'autumn-2026',12,39,2,'2026-11-05','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(40,'autumn-2026',13,45,2,'2026-11-03','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(41,'autumn-2026',14,43,2,'2026-11-02','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(42,'autumn-2026',15,29,2,'2026-11-03','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(43,'autumn-2026',15,47,2,'2026-11-06','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(44,'autumn-2026',17,41,2,'2026-11-04','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(45,'autumn-2026',18,40,2,'2026-11-06','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(46,'autumn-2026',19,37,2,'2026-11-05','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(47,'autumn-2026',20,48,2,'2026-11-04','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(48,'autumn-2026',21,33,2,'2026-11-03','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(49,'autumn-2026',21,36,2,'2026-11-04','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(50,'autumn-2026',22,35,2,'2026-11-02','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(51,'autumn-2026',1,24,3,'2026-12-01','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(52,'autumn-2026',1,44,3,'2026-11-30','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(53,'autumn-2026',3,26,3,'2026-11-30','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(54,'autumn-2026',8,28,3,'2026-11-30','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(55,'autumn-2026',11,42,3,'2026-12-01','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(56,'autumn-2026',13,45,3,'2026-11-30','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(57,'autumn-2026',15,47,3,'2026-12-01','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(58,'autumn-2026',17,41,3,'2026-11-30','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(59,'autumn-2026',18,40,3,'2026-11-30','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(60,'autumn-2026',19,37,3,'2026-12-01','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(61,'autumn-2026',20,48,3,'2026-11-30','','2026-12-01 17:21:39.000000');
INSERT INTO "pair_meetings" VALUES(62,'autumn-2026',21,36,3,'2026-11-30','','2026-12-01 17:21:39.000000');
CREATE TABLE participations (
	id INTEGER NOT NULL, 
	person_id INTEGER NOT NULL, 
	cohort_id VARCHAR(32) NOT NULL, 
	role VARCHAR(16) NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	competences JSON NOT NULL, 
	goals JSON NOT NULL, 
	sector VARCHAR(100) NOT NULL, 
	sector_preference VARCHAR(16) NOT NULL, 
	experience_years INTEGER, 
	start_preference VARCHAR(16) NOT NULL, 
	gender_preference VARCHAR(32) NOT NULL, 
	capacity INTEGER NOT NULL, 
	consent BOOLEAN NOT NULL, 
	motivation TEXT NOT NULL, 
	same_org_allowed BOOLEAN NOT NULL, 
	extra JSON NOT NULL, 
	created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	updated_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (person_id, cohort_id, role), 
	FOREIGN KEY(person_id) REFERENCES people (id) ON DELETE CASCADE
);
INSERT INTO "participations" VALUES(1,1,'autumn-2026','mentor','matched','["h\u00e5llbarhet", "karri\u00e4rplanering", "kommunikation"]','[]','Skog och trä','',17,'autumn','',2,1,'Jag vill ge tillbaka det stöd jag själv fick tidigt i karriären.',0,'{"Tidst\u00e4mpel": "2026-08-15 08:07"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(2,2,'autumn-2026','mentor','matched','["coachning", "strategiskt arbete", "karri\u00e4rplanering", "projektledning"]','[]','Fastighet','',9,'any','',2,1,'Jag vill ge tillbaka det stöd jag själv fick tidigt i karriären.',0,'{"Tidst\u00e4mpel": "2026-08-11 13:19"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(3,3,'autumn-2026','mentor','matched','["verksamhetsutveckling", "arbetsmilj\u00f6", "h\u00e5llbarhet", "rekrytering"]','[]','Fastighet','',21,'autumn','',1,1,'Vill bidra till att fler hittar sin väg i vår region.',0,'{"Tidst\u00e4mpel": "2026-08-10 09:43"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(4,4,'autumn-2026','mentor','matched','["h\u00e5llbarhet", "projektledning"]','[]','Hälso- och sjukvård','',24,'any','',1,1,'Tycker om att se andra växa, och lär mig själv mycket av att vara mentor.',0,'{"Tidst\u00e4mpel": "2026-08-13 09:35"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(5,5,'autumn-2026','mentor','applied','["projektledning", "rekrytering"]','[]','Offentlig förvaltning','',26,'any','',1,1,'Vill bidra till att fler hittar sin väg i vår region.',0,'{"Tidst\u00e4mpel": "2026-08-30 11:25"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(6,6,'autumn-2026','mentor','matched','["innovation", "ledarskap", "rekrytering"]','[]','Offentlig förvaltning','',20,'autumn','',1,1,'Vill bidra till att fler hittar sin väg i vår region.',0,'{"Tidst\u00e4mpel": "2026-08-14 12:49"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(7,7,'autumn-2026','mentor','matched','["karri\u00e4rplanering", "upphandling"]','[]','Hälso- och sjukvård','',30,'autumn','',1,1,'Vill bidra till att fler hittar sin väg i vår region.',0,'{"Tidst\u00e4mpel": "2026-08-30 16:18"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(8,8,'autumn-2026','mentor','matched','["digitalisering", "h\u00e5llbarhet"]','[]','IT och digitalisering','',24,'autumn','',1,1,'Tycker om att se andra växa, och lär mig själv mycket av att vara mentor.',0,'{"Tidst\u00e4mpel": "2026-08-29 11:51"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(9,9,'autumn-2026','mentor','matched','["h\u00e5llbarhet", "rekrytering"]','[]','Offentlig förvaltning','',30,'any','',1,1,'Tycker om att se andra växa, och lär mig själv mycket av att vara mentor.',0,'{"Tidst\u00e4mpel": "2026-08-17 21:00"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(10,10,'autumn-2026','mentor','matched','["upphandling", "f\u00f6r\u00e4ndringsledning", "h\u00e5llbarhet", "projektledning", "innovation"]','[]','Fastighet','',32,'autumn','',2,1,'Vill bidra till att fler hittar sin väg i vår region.',0,'{"Tidst\u00e4mpel": "2026-08-13 20:06"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(11,11,'autumn-2026','mentor','matched','["konflikthantering", "rekrytering", "karri\u00e4rplanering"]','[]','Offentlig förvaltning','',18,'any','',1,1,'Jag vill ge tillbaka det stöd jag själv fick tidigt i karriären.',0,'{"Tidst\u00e4mpel": "2026-09-01 09:09"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(12,12,'autumn-2026','mentor','matched','["innovation", "arbetsmilj\u00f6"]','[]','Bank och finans','',28,'any','',1,1,'Tycker om att se andra växa, och lär mig själv mycket av att vara mentor.',0,'{"Tidst\u00e4mpel": "2026-09-01 20:09"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(13,13,'autumn-2026','mentor','matched','["verksamhetsutveckling", "karri\u00e4rplanering"]','[]','Skog och trä','',9,'any','',1,1,'Jag vill ge tillbaka det stöd jag själv fick tidigt i karriären.',0,'{"Tidst\u00e4mpel": "2026-08-11 12:55"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(14,14,'autumn-2026','mentor','matched','["h\u00e5llbarhet", "presentationsteknik", "innovation"]','[]','Offentlig förvaltning','',17,'autumn','',1,1,'Jag vill ge tillbaka det stöd jag själv fick tidigt i karriären.',0,'{"Tidst\u00e4mpel": "2026-08-15 16:29"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(15,15,'autumn-2026','mentor','matched','["att leda utan mandat", "n\u00e4tverkande", "presentationsteknik", "f\u00f6r\u00e4ndringsledning", "rekrytering"]','[]','Fastighet','',12,'autumn','',2,1,'Tycker om att se andra växa, och lär mig själv mycket av att vara mentor.',0,'{"Tidst\u00e4mpel": "2026-08-28 21:29"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(16,16,'autumn-2026','mentor','applied','["innovation", "projektledning", "verksamhetsutveckling", "karri\u00e4rplanering", "n\u00e4tverkande"]','[]','Offentlig förvaltning','',8,'any','',1,1,'Jag vill ge tillbaka det stöd jag själv fick tidigt i karriären.',0,'{"Tidst\u00e4mpel": "2026-08-14 17:45"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(17,17,'autumn-2026','mentor','matched','["arbetsmilj\u00f6", "kvalitetsarbete", "karri\u00e4rplanering", "f\u00f6r\u00e4ndringsledning"]','[]','Offentlig förvaltning','',10,'autumn','',1,1,'Har varit chef i många år och vill dela med mig av erfarenheterna.',0,'{"Tidst\u00e4mpel": "2026-08-17 21:41"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(18,18,'autumn-2026','mentor','matched','["arbetsmilj\u00f6", "konflikthantering", "coachning", "kvalitetsarbete", "projektledning"]','[]','IT och digitalisering','',10,'any','',1,1,'Vill bidra till att fler hittar sin väg i vår region.',0,'{"Tidst\u00e4mpel": "2026-08-28 12:35"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(19,19,'autumn-2026','mentor','matched','["projektledning", "arbetsmilj\u00f6"]','[]','IT och digitalisering','',22,'autumn','',1,1,'Vill bidra till att fler hittar sin väg i vår region.',0,'{"Tidst\u00e4mpel": "2026-08-10 07:13"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(20,20,'autumn-2026','mentor','matched','["upphandling", "innovation", "arbetsmilj\u00f6", "kommunikation"]','[]','IT och digitalisering','',15,'autumn','',1,1,'Har varit chef i många år och vill dela med mig av erfarenheterna.',0,'{"Tidst\u00e4mpel": "2026-08-28 10:58"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(21,21,'autumn-2026','mentor','matched','["att leda utan mandat", "coachning", "ekonomistyrning"]','[]','Transport och logistik','',16,'autumn','',2,1,'Vill bidra till att fler hittar sin väg i vår region.',0,'{"Tidst\u00e4mpel": "2026-08-14 18:59"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(22,22,'autumn-2026','mentor','matched','["ekonomistyrning", "projektledning", "presentationsteknik", "n\u00e4tverkande", "verksamhetsutveckling"]','[]','Offentlig förvaltning','',13,'any','',1,1,'Jag vill ge tillbaka det stöd jag själv fick tidigt i karriären.',0,'{"Tidst\u00e4mpel": "2026-09-03 08:45"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(23,23,'autumn-2026','mentor','applied','["kvalitetsarbete", "f\u00f6r\u00e4ndringsledning"]','[]','IT och digitalisering','',17,'autumn','',2,1,'Vill bidra till att fler hittar sin väg i vår region.',0,'{"Tidst\u00e4mpel": "2026-08-24 12:19"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(24,24,'autumn-2026','mentee','matched','[]','["karri\u00e4rplanering", "coachning", "rekrytering"]','Offentlig förvaltning','',6,'any','woman',1,1,'Behöver stöd i att leda förändring i min verksamhet.',0,'{"Tidst\u00e4mpel": "2026-08-26 15:30"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(25,25,'autumn-2026','mentee','matched','[]','["upphandling", "strategiskt arbete"]','Energi','',10,'autumn','man',1,1,'Jag har nyss blivit chef och vill utvecklas i min nya roll.',0,'{"Tidst\u00e4mpel": "2026-08-25 15:26"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(26,26,'autumn-2026','mentee','matched','[]','["f\u00f6r\u00e4ndringsledning", "arbetsmilj\u00f6"]','IT och digitalisering','same',11,'autumn','woman',1,1,'Vill bygga nätverk utanför min egen organisation.',0,'{"Tidst\u00e4mpel": "2026-08-10 09:42"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(27,27,'autumn-2026','mentee','matched','[]','["upphandling"]','Energi','',12,'any','',1,1,'Vill bygga nätverk utanför min egen organisation.',0,'{"Tidst\u00e4mpel": "2026-09-03 20:47"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(28,28,'autumn-2026','mentee','matched','[]','["innovation", "kommunikation", "digitalisering"]','Utbildning och forskning','other',4,'autumn','',1,1,'Vill få perspektiv på min karriär och hitta nästa steg.',0,'{"Tidst\u00e4mpel": "2026-08-27 13:37"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(29,29,'autumn-2026','mentee','matched','[]','["n\u00e4tverkande"]','IT och digitalisering','',1,'any','',1,1,'Jag har nyss blivit chef och vill utvecklas i min nya roll.',0,'{"Tidst\u00e4mpel": "2026-08-18 07:39"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(30,30,'autumn-2026','mentee','matched','[]','["strategiskt arbete"]','Energi','other',5,'any','',1,1,'Vill få perspektiv på min karriär och hitta nästa steg.',0,'{"Tidst\u00e4mpel": "2026-08-21 07:29"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(31,31,'autumn-2026','mentee','matched','[]','["ledarskap"]','Energi','',2,'autumn','',1,1,'Jag har nyss blivit chef och vill utvecklas i min nya roll.',0,'{"Tidst\u00e4mpel": "2026-08-21 07:28"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(32,32,'autumn-2026','mentee','matched','[]','["projektledning", "innovation", "coachning"]','IT och digitalisering','',12,'any','',1,1,'Behöver stöd i att leda förändring i min verksamhet.',0,'{"Tidst\u00e4mpel": "2026-08-12 17:46"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(33,33,'autumn-2026','mentee','matched','[]','["arbetsmilj\u00f6", "coachning"]','Utbildning och forskning','',7,'any','',1,1,'Behöver stöd i att leda förändring i min verksamhet.',0,'{"Tidst\u00e4mpel": "2026-08-23 13:20"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(34,34,'autumn-2026','mentee','matched','[]','["digitalisering", "rekrytering", "att leda utan mandat"]','Transport och logistik','',12,'autumn','',1,1,'Vill få perspektiv på min karriär och hitta nästa steg.',0,'{"Tidst\u00e4mpel": "2026-09-02 15:05"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(35,35,'autumn-2026','mentee','matched','[]','["ekonomistyrning", "arbetsmilj\u00f6", "strategiskt arbete"]','Offentlig förvaltning','same',9,'autumn','',1,1,'Vill bygga nätverk utanför min egen organisation.',0,'{"Tidst\u00e4mpel": "2026-08-30 13:51"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(36,36,'autumn-2026','mentee','matched','[]','["ekonomistyrning"]','Energi','other',9,'autumn','',1,1,'Jag har nyss blivit chef och vill utvecklas i min nya roll.',0,'{"Tidst\u00e4mpel": "2026-08-12 17:35"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(37,37,'autumn-2026','mentee','matched','[]','["karri\u00e4rplanering", "arbetsmilj\u00f6", "strategiskt arbete"]','Offentlig förvaltning','',8,'autumn','',1,1,'Behöver stöd i att leda förändring i min verksamhet.',0,'{"Tidst\u00e4mpel": "2026-08-14 10:06"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(38,38,'autumn-2026','mentee','matched','[]','["innovation"]','IT och digitalisering','other',3,'autumn','woman',1,1,'Jag har nyss blivit chef och vill utvecklas i min nya roll.',0,'{"Tidst\u00e4mpel": "2026-08-23 14:37"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(39,39,'autumn-2026','mentee','matched','[]','["arbetsmilj\u00f6", "coachning", "innovation"]','IT och digitalisering','',10,'autumn','woman',1,1,'Vill bygga nätverk utanför min egen organisation.',0,'{"Tidst\u00e4mpel": "2026-09-03 07:52"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(40,40,'autumn-2026','mentee','matched','[]','["konflikthantering", "arbetsmilj\u00f6"]','Energi','same',1,'autumn','',1,1,'Vill få perspektiv på min karriär och hitta nästa steg.',0,'{"Tidst\u00e4mpel": "2026-08-26 12:39"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(41,41,'autumn-2026','mentee','matched','[]','["presentationsteknik", "karri\u00e4rplanering"]','Utbildning och forskning','',4,'autumn','',1,1,'Jag har nyss blivit chef och vill utvecklas i min nya roll.',0,'{"Tidst\u00e4mpel": "2026-08-30 09:18"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(42,42,'autumn-2026','mentee','matched','[]','["digitalisering", "konflikthantering"]','IT och digitalisering','same',9,'any','woman',1,1,'Vill bygga nätverk utanför min egen organisation.',0,'{"Tidst\u00e4mpel": "2026-08-28 17:44"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(43,43,'autumn-2026','mentee','matched','[]','["innovation"]','Bank och finans','',4,'autumn','',1,1,'Jag har nyss blivit chef och vill utvecklas i min nya roll.',0,'{"Tidst\u00e4mpel": "2026-08-19 12:38"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(44,44,'autumn-2026','mentee','matched','[]','["kommunikation"]','Transport och logistik','same',8,'any','',1,1,'Behöver stöd i att leda förändring i min verksamhet.',0,'{"Tidst\u00e4mpel": "2026-08-29 13:18"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(45,45,'autumn-2026','mentee','matched','[]','["kvalitetsarbete", "n\u00e4tverkande", "verksamhetsutveckling"]','IT och digitalisering','',1,'autumn','woman',1,1,'Behöver stöd i att leda förändring i min verksamhet.',0,'{"Tidst\u00e4mpel": "2026-08-31 14:48"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(46,46,'autumn-2026','mentee','matched','[]','["coachning"]','Offentlig förvaltning','',5,'any','',1,1,'Jag har nyss blivit chef och vill utvecklas i min nya roll.',0,'{"Tidst\u00e4mpel": "2026-08-13 19:55"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(47,47,'autumn-2026','mentee','matched','[]','["presentationsteknik", "upphandling", "att leda utan mandat"]','Hälso- och sjukvård','other',7,'any','',1,1,'Vill bygga nätverk utanför min egen organisation.',0,'{"Tidst\u00e4mpel": "2026-08-17 11:36"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(48,48,'autumn-2026','mentee','matched','[]','["kommunikation"]','Transport och logistik','',11,'autumn','man',1,1,'Vill få perspektiv på min karriär och hitta nästa steg.',0,'{"Tidst\u00e4mpel": "2026-08-23 18:24"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(49,1,'spring-2027','mentor','applied','["presentationsteknik", "h\u00e5llbarhet", "digitalisering"]','[]','Skog och trä','',25,'any','',1,1,'Jag vill ge tillbaka det stöd jag själv fick tidigt i karriären.',0,'{"Tidst\u00e4mpel": "2026-11-22 12:29"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(50,2,'spring-2027','mentor','applied','["verksamhetsutveckling", "arbetsmilj\u00f6", "rekrytering", "f\u00f6r\u00e4ndringsledning"]','[]','Fastighet','',29,'any','',2,1,'Har varit chef i många år och vill dela med mig av erfarenheterna.',0,'{"Tidst\u00e4mpel": "2026-11-17 20:01"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(51,3,'spring-2027','mentor','applied','["f\u00f6r\u00e4ndringsledning", "strategiskt arbete", "h\u00e5llbarhet", "digitalisering"]','[]','Fastighet','',14,'spring','',1,1,'Vill bidra till att fler hittar sin väg i vår region.',0,'{"Tidst\u00e4mpel": "2026-11-15 11:44"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(52,49,'spring-2027','mentor','applied','["arbetsmilj\u00f6", "ledarskap", "f\u00f6r\u00e4ndringsledning", "presentationsteknik"]','[]','Utbildning och forskning','',10,'spring','',1,1,'Tycker om att se andra växa, och lär mig själv mycket av att vara mentor.',0,'{"Tidst\u00e4mpel": "2026-11-25 09:46"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(53,50,'spring-2027','mentor','applied','["projektledning", "kvalitetsarbete", "karri\u00e4rplanering"]','[]','Hälso- och sjukvård','',8,'any','',2,1,'Tycker om att se andra växa, och lär mig själv mycket av att vara mentor.',0,'{"Tidst\u00e4mpel": "2026-11-25 14:48"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(54,51,'spring-2027','mentor','applied','["att leda utan mandat", "ledarskap"]','[]','Transport och logistik','',32,'spring','',2,1,'Tycker om att se andra växa, och lär mig själv mycket av att vara mentor.',0,'{"Tidst\u00e4mpel": "2026-11-14 21:59"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(55,52,'spring-2027','mentor','applied','["konflikthantering", "att leda utan mandat", "digitalisering", "strategiskt arbete", "coachning"]','[]','Skog och trä','',13,'spring','',2,1,'Tycker om att se andra växa, och lär mig själv mycket av att vara mentor.',0,'{"Tidst\u00e4mpel": "2026-11-02 11:38"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(56,53,'spring-2027','mentor','applied','["arbetsmilj\u00f6", "strategiskt arbete", "kvalitetsarbete", "h\u00e5llbarhet"]','[]','Energi','',26,'spring','',1,1,'Vill bidra till att fler hittar sin väg i vår region.',0,'{"Tidst\u00e4mpel": "2026-11-20 14:08"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(57,54,'spring-2027','mentor','applied','["verksamhetsutveckling", "konflikthantering", "ekonomistyrning", "arbetsmilj\u00f6"]','[]','Fastighet','',24,'any','',1,1,'Tycker om att se andra växa, och lär mig själv mycket av att vara mentor.',0,'{"Tidst\u00e4mpel": "2026-11-05 13:48"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(58,55,'spring-2027','mentor','applied','["kvalitetsarbete", "rekrytering", "verksamhetsutveckling", "projektledning", "ekonomistyrning"]','[]','IT och digitalisering','',13,'spring','',1,1,'Vill bidra till att fler hittar sin väg i vår region.',0,'{"Tidst\u00e4mpel": "2026-11-17 21:28"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(59,56,'spring-2027','mentor','applied','["verksamhetsutveckling", "kvalitetsarbete", "ekonomistyrning", "projektledning"]','[]','Fastighet','',14,'spring','',2,1,'Vill bidra till att fler hittar sin väg i vår region.',0,'{"Tidst\u00e4mpel": "2026-11-05 08:21"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(60,57,'spring-2027','mentor','applied','["n\u00e4tverkande", "ledarskap", "digitalisering", "kommunikation"]','[]','Utbildning och forskning','',8,'spring','',1,1,'Jag vill ge tillbaka det stöd jag själv fick tidigt i karriären.',0,'{"Tidst\u00e4mpel": "2026-11-06 14:40"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(61,58,'spring-2027','mentor','applied','["innovation", "konflikthantering", "karri\u00e4rplanering"]','[]','Skog och trä','',32,'any','',2,1,'Tycker om att se andra växa, och lär mig själv mycket av att vara mentor.',0,'{"Tidst\u00e4mpel": "2026-11-05 21:18"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(62,59,'spring-2027','mentor','applied','["konflikthantering", "att leda utan mandat", "f\u00f6r\u00e4ndringsledning", "rekrytering"]','[]','Offentlig förvaltning','',19,'any','',2,1,'Vill bidra till att fler hittar sin väg i vår region.',0,'{"Tidst\u00e4mpel": "2026-11-04 14:38"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(63,60,'spring-2027','mentor','applied','["digitalisering", "innovation", "upphandling", "att leda utan mandat", "verksamhetsutveckling"]','[]','Energi','',20,'any','',1,1,'Jag vill ge tillbaka det stöd jag själv fick tidigt i karriären.',0,'{"Tidst\u00e4mpel": "2026-11-22 11:12"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(64,61,'spring-2027','mentor','applied','["n\u00e4tverkande", "rekrytering", "kvalitetsarbete", "ledarskap"]','[]','Hälso- och sjukvård','',13,'any','',2,1,'Vill bidra till att fler hittar sin väg i vår region.',0,'{"Tidst\u00e4mpel": "2026-11-12 09:06"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(65,62,'spring-2027','mentor','applied','["digitalisering", "kommunikation", "coachning"]','[]','Utbildning och forskning','',24,'spring','',1,1,'Vill bidra till att fler hittar sin väg i vår region.',0,'{"Tidst\u00e4mpel": "2026-11-07 09:48"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(66,63,'spring-2027','mentor','applied','["ledarskap", "ekonomistyrning", "strategiskt arbete"]','[]','IT och digitalisering','',30,'any','',1,1,'Har varit chef i många år och vill dela med mig av erfarenheterna.',0,'{"Tidst\u00e4mpel": "2026-11-15 15:38"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(67,64,'spring-2027','mentor','applied','["digitalisering", "strategiskt arbete", "arbetsmilj\u00f6"]','[]','Skog och trä','',29,'any','',1,1,'Har varit chef i många år och vill dela med mig av erfarenheterna.',0,'{"Tidst\u00e4mpel": "2026-11-13 21:56"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(68,65,'spring-2027','mentor','applied','["konflikthantering", "coachning", "kommunikation", "f\u00f6r\u00e4ndringsledning"]','[]','Energi','',24,'any','',1,1,'Tycker om att se andra växa, och lär mig själv mycket av att vara mentor.',0,'{"Tidst\u00e4mpel": "2026-11-23 18:45"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(69,66,'spring-2027','mentor','applied','["ekonomistyrning", "att leda utan mandat"]','[]','Fastighet','',9,'spring','',1,1,'Tycker om att se andra växa, och lär mig själv mycket av att vara mentor.',0,'{"Tidst\u00e4mpel": "2026-11-22 20:38"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(70,67,'spring-2027','mentor','applied','["verksamhetsutveckling", "kvalitetsarbete"]','[]','Energi','',30,'spring','',1,1,'Jag vill ge tillbaka det stöd jag själv fick tidigt i karriären.',0,'{"Tidst\u00e4mpel": "2026-11-14 17:10"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(71,68,'spring-2027','mentee','applied','[]','["innovation"]','Offentlig förvaltning','',4,'spring','',1,1,'Behöver stöd i att leda förändring i min verksamhet.',0,'{"Tidst\u00e4mpel": "2026-11-05 12:56"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(72,69,'spring-2027','mentee','applied','[]','["verksamhetsutveckling", "h\u00e5llbarhet"]','Fastighet','',9,'spring','',1,1,'Jag har nyss blivit chef och vill utvecklas i min nya roll.',0,'{"Tidst\u00e4mpel": "2026-11-09 20:18"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(73,70,'spring-2027','mentee','applied','[]','["att leda utan mandat", "presentationsteknik", "rekrytering"]','Energi','',8,'spring','',1,1,'Vill bygga nätverk utanför min egen organisation.',0,'{"Tidst\u00e4mpel": "2026-11-23 20:35"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(74,71,'spring-2027','mentee','applied','[]','["innovation", "projektledning", "verksamhetsutveckling"]','IT och digitalisering','',7,'any','',1,1,'Jag har nyss blivit chef och vill utvecklas i min nya roll.',0,'{"Tidst\u00e4mpel": "2026-11-14 16:53"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(75,72,'spring-2027','mentee','applied','[]','["rekrytering", "ledarskap"]','Fastighet','other',7,'any','woman',1,1,'Vill bygga nätverk utanför min egen organisation.',0,'{"Tidst\u00e4mpel": "2026-11-26 16:45"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(76,73,'spring-2027','mentee','applied','[]','["att leda utan mandat", "arbetsmilj\u00f6"]','Utbildning och forskning','',8,'spring','',1,1,'Vill få perspektiv på min karriär och hitta nästa steg.',0,'{"Tidst\u00e4mpel": "2026-11-26 09:52"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(77,74,'spring-2027','mentee','applied','[]','["kommunikation", "att leda utan mandat", "n\u00e4tverkande"]','Bank och finans','same',2,'spring','woman',1,1,'Vill få perspektiv på min karriär och hitta nästa steg.',0,'{"Tidst\u00e4mpel": "2026-11-18 19:30"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(78,75,'spring-2027','mentee','applied','[]','["innovation", "ekonomistyrning", "projektledning"]','Offentlig förvaltning','other',10,'any','woman',1,1,'Behöver stöd i att leda förändring i min verksamhet.',0,'{"Tidst\u00e4mpel": "2026-11-19 18:36"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(79,76,'spring-2027','mentee','applied','[]','["n\u00e4tverkande"]','Skog och trä','',6,'spring','woman',1,1,'Behöver stöd i att leda förändring i min verksamhet.',0,'{"Tidst\u00e4mpel": "2026-11-06 12:57"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(80,77,'spring-2027','mentee','applied','[]','["projektledning", "ledarskap", "konflikthantering"]','Offentlig förvaltning','',8,'any','man',1,1,'Jag har nyss blivit chef och vill utvecklas i min nya roll.',0,'{"Tidst\u00e4mpel": "2026-11-12 07:57"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(81,78,'spring-2027','mentee','applied','[]','["karri\u00e4rplanering"]','Energi','',12,'spring','',1,1,'Behöver stöd i att leda förändring i min verksamhet.',0,'{"Tidst\u00e4mpel": "2026-11-16 20:35"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(82,79,'spring-2027','mentee','applied','[]','["verksamhetsutveckling", "f\u00f6r\u00e4ndringsledning", "konflikthantering"]','Utbildning och forskning','same',3,'spring','',1,1,'Vill få perspektiv på min karriär och hitta nästa steg.',0,'{"Tidst\u00e4mpel": "2026-11-16 07:51"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(83,80,'spring-2027','mentee','applied','[]','["arbetsmilj\u00f6", "innovation"]','Bank och finans','other',11,'spring','man',1,1,'Vill få perspektiv på min karriär och hitta nästa steg.',0,'{"Tidst\u00e4mpel": "2026-11-24 12:03"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(84,81,'spring-2027','mentee','applied','[]','["konflikthantering", "upphandling"]','Skog och trä','',12,'spring','',1,1,'Vill få perspektiv på min karriär och hitta nästa steg.',0,'{"Tidst\u00e4mpel": "2026-11-05 10:51"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(85,82,'spring-2027','mentee','applied','[]','["arbetsmilj\u00f6", "presentationsteknik", "strategiskt arbete"]','Offentlig förvaltning','',9,'any','',1,1,'Vill få perspektiv på min karriär och hitta nästa steg.',0,'{"Tidst\u00e4mpel": "2026-11-19 07:36"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(86,83,'spring-2027','mentee','applied','[]','["innovation", "att leda utan mandat"]','Skog och trä','',3,'any','woman',1,1,'Jag har nyss blivit chef och vill utvecklas i min nya roll.',0,'{"Tidst\u00e4mpel": "2026-11-23 14:06"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(87,84,'spring-2027','mentee','applied','[]','["ekonomistyrning", "att leda utan mandat", "projektledning"]','Energi','other',7,'spring','',1,1,'Jag har nyss blivit chef och vill utvecklas i min nya roll.',0,'{"Tidst\u00e4mpel": "2026-11-11 18:00"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(88,85,'spring-2027','mentee','applied','[]','["arbetsmilj\u00f6", "rekrytering", "coachning"]','Offentlig förvaltning','',11,'spring','',1,1,'Vill bygga nätverk utanför min egen organisation.',0,'{"Tidst\u00e4mpel": "2026-11-24 08:29"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(89,86,'spring-2027','mentee','applied','[]','["upphandling", "att leda utan mandat", "rekrytering"]','Utbildning och forskning','other',12,'any','',1,1,'Jag har nyss blivit chef och vill utvecklas i min nya roll.',0,'{"Tidst\u00e4mpel": "2026-11-25 17:38"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(90,87,'spring-2027','mentee','applied','[]','["karri\u00e4rplanering"]','Offentlig förvaltning','same',12,'spring','',1,1,'Jag har nyss blivit chef och vill utvecklas i min nya roll.',0,'{"Tidst\u00e4mpel": "2026-11-19 19:11"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "participations" VALUES(91,88,'spring-2027','mentee','applied','[]','["ekonomistyrning", "kvalitetsarbete", "konflikthantering"]','Offentlig förvaltning','same',7,'spring','woman',1,1,'Vill få perspektiv på min karriär och hitta nästa steg.',0,'{"Tidst\u00e4mpel": "2026-11-20 20:02"}','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
CREATE TABLE people (
	id INTEGER NOT NULL, 
	email VARCHAR(254) NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	phone VARCHAR(64) NOT NULL, 
	organisation VARCHAR(200) NOT NULL, 
	department VARCHAR(200) NOT NULL, 
	title VARCHAR(200) NOT NULL, 
	town VARCHAR(100) NOT NULL, 
	languages JSON NOT NULL, 
	gender VARCHAR(32) NOT NULL, 
	created_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	updated_at DATETIME DEFAULT CURRENT_TIMESTAMP NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (email)
);
INSERT INTO "people" VALUES(1,'fatima.johansson@norrskogtra.example','Fatima Johansson','070-292 18 95','Norrskog Trä AB','Inköp','Projektledare','Härnösand','["sv"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(2,'emma.astrom@lansbostader.example','Emma Åström','070-140 54 49','Länsbostäder AB','Projekt','Avdelningschef','Kramfors','["sv"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(3,'eva.nordin@lansbostader.example','Eva Nordin','070-180 12 62','Länsbostäder AB','Projekt','Projektledare','Sundsvall','["sv", "en"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(4,'anna.hassan@regionnorrland.example','Anna Hassan','070-171 61 85','Region Norrland','Kultur och utbildning','Ingenjör','Timrå','["sv"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(5,'magnus.rahimi@sundsvallskommun.example','Magnus Rahimi','070-262 96 49','Sundsvalls kommun','Socialtjänsten','Avdelningschef','Östersund','["sv"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(6,'ahmed.karlsson@sundsvallskommun.example','Ahmed Karlsson','070-436 82 18','Sundsvalls kommun','Socialtjänsten','Samordnare','Sundsvall','["sv", "en"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(7,'anders.olsson@regionnorrland.example','Anders Olsson','070-222 56 85','Region Norrland','Hälso- och sjukvårdsförvaltningen','Projektledare','Sundsvall','["sv", "so"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(8,'hanna.svensson@nordvikit.example','Hanna Svensson','070-912 91 11','Nordvik IT AB','Sälj','Verksamhetsutvecklare','Örnsköldsvik','["sv", "en"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(9,'jonas.engstrom@kustlanda.example','Jonas Engström','070-638 68 46','Kustlanda kommun','Omsorgsförvaltningen','Enhetschef','Sundsvall','["sv", "en"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(10,'camilla.wikstrom@lansbostader.example','Camilla Wikström','070-572 62 32','Länsbostäder AB','Förvaltning','Enhetschef','Umeå','["sv"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(11,'fatima.andersson@sundsvallskommun.example','Fatima Andersson','070-272 56 47','Sundsvalls kommun','Stadsbyggnadskontoret','Avdelningschef','Östersund','["sv", "en", "ar"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(12,'fatima.sundberg@mittbanken.example','Fatima Sundberg','070-146 87 70','Mittbanken','Företag','Verksamhetsutvecklare','Sundsvall','["sv"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(13,'therese.ek@norrskogtra.example','Therese Ek','070-858 79 40','Norrskog Trä AB','Sågverket','Verksamhetsutvecklare','Timrå','["sv", "en"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(14,'tobias.lindstrom@kustlanda.example','Tobias Lindström','070-977 33 91','Kustlanda kommun','Tekniska förvaltningen','Projektledare','Kramfors','["sv", "en", "ar", "de"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(15,'fredrik.forsberg@lansbostader.example','Fredrik Forsberg','070-667 55 31','Länsbostäder AB','Projekt','Projektledare','Timrå','["sv", "en", "ar"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(16,'anders.korhonen@sundsvallskommun.example','Anders Korhonen','070-458 84 71','Sundsvalls kommun','Stadsbyggnadskontoret','Verksamhetsutvecklare','Östersund','["sv", "en", "fa"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(17,'daniel.astrom@sundsvallskommun.example','Daniel Åström','070-818 10 40','Sundsvalls kommun','Stadsbyggnadskontoret','Projektledare','Sundsvall','["sv", "en"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(18,'henrik.bergkvist@nordvikit.example','Henrik Bergkvist','070-994 95 41','Nordvik IT AB','Sälj','Avdelningschef','Timrå','["sv", "so"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(19,'pekka.larsson@nordvikit.example','Pekka Larsson','070-950 78 92','Nordvik IT AB','Konsult','Projektledare','Örnsköldsvik','["sv"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(20,'jussi.bergkvist@nordvikit.example','Jussi Bergkvist','070-462 97 49','Nordvik IT AB','Drift','Avdelningschef','Örnsköldsvik','["sv", "en", "de"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(21,'hassan.karlsson@bottenvikenlogistik.example','Hassan Karlsson','070-434 46 70','Bottenviken Logistik AB','Ekonomi','Lärare','Örnsköldsvik','["sv", "fi"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(22,'bjorn.lindqvist@kustlanda.example','Björn Lindqvist','070-385 29 37','Kustlanda kommun','Tekniska förvaltningen','Kommunikatör','Timrå','["sv"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(23,'sara.westerlund@nordvikit.example','Sara Westerlund','070-129 51 51','Nordvik IT AB','Konsult','Enhetschef','Örnsköldsvik','["sv", "en", "so"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(24,'emma.lindstrom@sundsvallskommun.example','Emma Lindström','070-875 39 74','Sundsvalls kommun','Stadsbyggnadskontoret','Controller','Sundsvall','["sv", "en"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(25,'pekka.lindberg@alvkraft.example','Pekka Lindberg','070-775 68 56','Älvkraft Energi AB','Kundservice','Systemutvecklare','Sundsvall','["sv", "en"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(26,'maria.lindqvist@nordvikit.example','Maria Lindqvist','070-916 40 74','Nordvik IT AB','Drift','Systemutvecklare','Sundsvall','["sv", "en"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(27,'mattias.nordin@alvkraft.example','Mattias Nordin','070-594 93 15','Älvkraft Energi AB','Kundservice','Ekonom','Sundsvall','["sv", "en"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(28,'daniel.berglund@hogskolanmittnorr.example','Daniel Berglund','070-780 74 30','Högskolan Mittnorr','Institutionen för data','Sjuksköterska','Sundsvall','["sv"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(29,'elin.larsson@nordvikit.example','Elin Larsson','070-328 47 82','Nordvik IT AB','Sälj','Lärare','Härnösand','["sv"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(30,'kerstin.astrom@alvkraft.example','Kerstin Åström','070-735 81 91','Älvkraft Energi AB','Produktion','Avdelningschef','Sundsvall','["sv"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(31,'elin.hassan@alvkraft.example','Elin Hassan','070-922 89 62','Älvkraft Energi AB','Kundservice','Ekonom','Härnösand','["sv"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(32,'camilla.haddad@nordvikit.example','Camilla Haddad','070-954 43 31','Nordvik IT AB','Drift','Verksamhetsutvecklare','Sundsvall','["sv"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(33,'ida.haddad@hogskolanmittnorr.example','Ida Haddad','070-161 46 73','Högskolan Mittnorr','Forskningsstöd','Sjuksköterska','Timrå','["sv", "ar"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(34,'fatima.johansson@bottenvikenlogistik.example','Fatima Johansson','070-264 92 77','Bottenviken Logistik AB','Planering','Sjuksköterska','Sundsvall','["sv", "fa"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(35,'emil.rahimi@sundsvallskommun.example','Emil Rahimi','070-615 13 39','Sundsvalls kommun','Stadsbyggnadskontoret','Controller','Härnösand','["sv"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(36,'helena.sjoberg@alvkraft.example','Helena Sjöberg','070-960 24 21','Älvkraft Energi AB','Nät','Enhetschef','Umeå','["sv"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(37,'aino.wikstrom@sundsvallskommun.example','Aino Wikström','070-255 56 33','Sundsvalls kommun','Stadsbyggnadskontoret','Handläggare','Örnsköldsvik','["sv", "ar"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(38,'therese.olsson@nordvikit.example','Therese Olsson','070-544 75 89','Nordvik IT AB','Konsult','Kommunikatör','Timrå','["sv", "so"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(39,'leila.lindqvist@nordvikit.example','Leila Lindqvist','070-231 12 56','Nordvik IT AB','Konsult','Lärare','Sundsvall','["sv"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(40,'lena.blom@alvkraft.example','Lena Blom','070-646 93 90','Älvkraft Energi AB','Produktion','Enhetschef','Kramfors','["sv", "en"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(41,'nour.hedlund@hogskolanmittnorr.example','Nour Hedlund','070-108 23 23','Högskolan Mittnorr','Institutionen för data','Ekonom','Sundsvall','["sv", "en"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(42,'ahmed.bergkvist@nordvikit.example','Ahmed Bergkvist','070-741 92 12','Nordvik IT AB','Konsult','Sjuksköterska','Östersund','["sv"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(43,'maria.berglund@mittbanken.example','Maria Berglund','070-103 45 17','Mittbanken','Risk','Ingenjör','Östersund','["sv", "so"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(44,'nils.forsberg@bottenvikenlogistik.example','Nils Forsberg','070-286 22 73','Bottenviken Logistik AB','Planering','Handläggare','Sundsvall','["sv"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(45,'malin.strand@nordvikit.example','Malin Strand','070-873 43 46','Nordvik IT AB','Sälj','Enhetschef','Sundsvall','["sv", "en"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(46,'mikael.lindstrom@kustlanda.example','Mikael Lindström','070-107 55 16','Kustlanda kommun','Omsorgsförvaltningen','Systemutvecklare','Kramfors','["sv"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(47,'kerstin.persson@regionnorrland.example','Kerstin Persson','070-511 73 66','Region Norrland','Hälso- och sjukvårdsförvaltningen','Ekonom','Härnösand','["sv", "en", "so"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(48,'karl.astrom@bottenvikenlogistik.example','Karl Åström','070-713 99 50','Bottenviken Logistik AB','Planering','Projektledare','Umeå','["sv"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(49,'tobias.astrom@hogskolanmittnorr.example','Tobias Åström','070-344 52 83','Högskolan Mittnorr','Studentavdelningen','HR-specialist','Kramfors','["sv", "en"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(50,'ulrika.sandberg@regionnorrland.example','Ulrika Sandberg','070-902 33 45','Region Norrland','Hälso- och sjukvårdsförvaltningen','Avdelningschef','Östersund','["sv"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(51,'tuula.hedlund@bottenvikenlogistik.example','Tuula Hedlund','070-264 24 30','Bottenviken Logistik AB','Planering','Enhetschef','Timrå','["sv"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(52,'frida.korhonen@norrskogtra.example','Frida Korhonen','070-925 30 87','Norrskog Trä AB','Sågverket','Ingenjör','Umeå','["sv"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(53,'mikael.pettersson@alvkraft.example','Mikael Pettersson','070-821 53 80','Älvkraft Energi AB','Nät','Verksamhetsutvecklare','Sundsvall','["sv", "en"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(54,'amira.oberg@lansbostader.example','Amira Öberg','070-173 25 56','Länsbostäder AB','Projekt','Projektledare','Sundsvall','["sv", "en"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(55,'fatima.nystrom@nordvikit.example','Fatima Nyström','070-159 89 17','Nordvik IT AB','Konsult','Projektledare','Örnsköldsvik','["sv", "en"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(56,'erik.lundgren@lansbostader.example','Erik Lundgren','070-117 43 97','Länsbostäder AB','Projekt','Avdelningschef','Örnsköldsvik','["sv", "en"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(57,'omar.lindberg@hogskolanmittnorr.example','Omar Lindberg','070-731 61 19','Högskolan Mittnorr','Institutionen för data','Avdelningschef','Kramfors','["sv"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(58,'torbjorn.johansson@norrskogtra.example','Torbjörn Johansson','070-427 63 80','Norrskog Trä AB','Inköp','Avdelningschef','Timrå','["sv"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(59,'ingrid.lindberg@kustlanda.example','Ingrid Lindberg','070-597 23 46','Kustlanda kommun','Omsorgsförvaltningen','Enhetschef','Sundsvall','["sv", "fi"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(60,'ida.hedlund@alvkraft.example','Ida Hedlund','070-850 76 45','Älvkraft Energi AB','Produktion','Avdelningschef','Sundsvall','["sv"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(61,'jussi.svensson@regionnorrland.example','Jussi Svensson','070-444 89 57','Region Norrland','Regionservice','Avdelningschef','Umeå','["sv", "en"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(62,'johan.lindqvist@hogskolanmittnorr.example','Johan Lindqvist','070-263 70 15','Högskolan Mittnorr','Institutionen för data','Verksamhetsutvecklare','Härnösand','["sv", "so"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(63,'karin.berglund@nordvikit.example','Karin Berglund','070-887 54 59','Nordvik IT AB','Sälj','Projektledare','Sundsvall','["sv", "en"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(64,'bjorn.lindberg@norrskogtra.example','Björn Lindberg','070-592 45 79','Norrskog Trä AB','Sågverket','Verksamhetsutvecklare','Timrå','["sv", "en"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(65,'aino.lindstrom@alvkraft.example','Aino Lindström','070-233 29 83','Älvkraft Energi AB','Produktion','Avdelningschef','Härnösand','["sv", "fa"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(66,'tuula.oberg@lansbostader.example','Tuula Öberg','070-588 43 51','Länsbostäder AB','Projekt','Utredare','Sundsvall','["sv"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(67,'erik.lindberg@alvkraft.example','Erik Lindberg','070-591 11 89','Älvkraft Energi AB','Kundservice','Enhetschef','Örnsköldsvik','["sv", "en", "fi"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(68,'lena.wikstrom@sundsvallskommun.example','Lena Wikström','070-553 95 60','Sundsvalls kommun','Barn- och utbildningsförvaltningen','Ingenjör','Timrå','["sv"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(69,'camilla.sandberg@lansbostader.example','Camilla Sandberg','070-126 60 70','Länsbostäder AB','Förvaltning','Kommunikatör','Sundsvall','["sv", "ar", "fa"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(70,'aino.bergkvist@alvkraft.example','Aino Bergkvist','070-461 53 99','Älvkraft Energi AB','Produktion','Projektledare','Sundsvall','["sv", "es", "de"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(71,'anders.jonsson@nordvikit.example','Anders Jonsson','070-192 76 81','Nordvik IT AB','Drift','Projektledare','Umeå','["sv", "en"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(72,'karin.svensson@lansbostader.example','Karin Svensson','070-424 22 15','Länsbostäder AB','Förvaltning','Ekonom','Östersund','["sv", "en"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(73,'josefin.berglund@hogskolanmittnorr.example','Josefin Berglund','070-459 11 58','Högskolan Mittnorr','Institutionen för data','Kommunikatör','Sundsvall','["sv"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(74,'camilla.norberg@mittbanken.example','Camilla Norberg','070-379 31 86','Mittbanken','Risk','Verksamhetsutvecklare','Härnösand','["sv", "en"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(75,'mattias.lindstrom@sundsvallskommun.example','Mattias Lindström','070-829 23 26','Sundsvalls kommun','Socialtjänsten','Ekonom','Örnsköldsvik','["sv"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(76,'per.korhonen@norrskogtra.example','Per Korhonen','070-542 10 22','Norrskog Trä AB','Hållbarhet','Projektledare','Timrå','["sv", "en"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(77,'sara.rahimi@kustlanda.example','Sara Rahimi','070-708 58 45','Kustlanda kommun','Tekniska förvaltningen','Ekonom','Sundsvall','["sv"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(78,'nour.eriksson@alvkraft.example','Nour Eriksson','070-102 32 73','Älvkraft Energi AB','Kundservice','Ekonom','Timrå','["sv", "en"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(79,'frida.astrom@hogskolanmittnorr.example','Frida Åström','070-927 57 22','Högskolan Mittnorr','Studentavdelningen','Utredare','Östersund','["sv", "en"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(80,'jonas.nystrom@mittbanken.example','Jonas Nyström','070-187 48 19','Mittbanken','Risk','Verksamhetsutvecklare','Kramfors','["sv", "de"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(81,'per.korhonen2@norrskogtra.example','Per Korhonen','070-573 33 46','Norrskog Trä AB','Inköp','Kommunikatör','Sundsvall','["sv"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(82,'karl.bergkvist@sundsvallskommun.example','Karl Bergkvist','070-232 42 48','Sundsvalls kommun','Stadsbyggnadskontoret','Ekonom','Kramfors','["sv", "en"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(83,'jussi.johansson@norrskogtra.example','Jussi Johansson','070-228 99 18','Norrskog Trä AB','Hållbarhet','Samordnare','Sundsvall','["sv", "de"]','man','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(84,'josefin.lindberg@alvkraft.example','Josefin Lindberg','070-465 83 65','Älvkraft Energi AB','Nät','Kommunikatör','Härnösand','["sv"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(85,'kerstin.lindqvist@kustlanda.example','Kerstin Lindqvist','070-506 21 30','Kustlanda kommun','Omsorgsförvaltningen','Sjuksköterska','Sundsvall','["sv", "en"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(86,'fatima.westerlund@hogskolanmittnorr.example','Fatima Westerlund','070-984 70 48','Högskolan Mittnorr','Studentavdelningen','Sjuksköterska','Härnösand','["sv", "en"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(87,'camilla.westerlund@sundsvallskommun.example','Camilla Westerlund','070-778 61 62','Sundsvalls kommun','Socialtjänsten','Ekonom','Sundsvall','["sv"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
INSERT INTO "people" VALUES(88,'frida.wikstrom@kustlanda.example','Frida Wikström','070-810 88 71','Kustlanda kommun','Tekniska förvaltningen','Enhetschef','Östersund','["sv", "en", "so"]','woman','2026-12-01 17:21:38.000000','2026-12-01 17:21:38.000000');
CREATE TABLE settings (
	"key" VARCHAR(64) NOT NULL, 
	value JSON NOT NULL, 
	PRIMARY KEY ("key")
);
INSERT INTO "settings" VALUES('week_convention','"iso"');
INSERT INTO "settings" VALUES('mingle_convention','"weekday"');
CREATE TABLE three_party_bookings (
	id INTEGER NOT NULL, 
	slot_id INTEGER NOT NULL, 
	cohort_id VARCHAR(32) NOT NULL, 
	mentor_person_id INTEGER NOT NULL, 
	mentee_person_id INTEGER NOT NULL, 
	held BOOLEAN NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (cohort_id, mentor_person_id, mentee_person_id), 
	UNIQUE (slot_id), 
	FOREIGN KEY(slot_id) REFERENCES three_party_slots (id) ON DELETE CASCADE, 
	FOREIGN KEY(mentor_person_id) REFERENCES people (id) ON DELETE CASCADE, 
	FOREIGN KEY(mentee_person_id) REFERENCES people (id) ON DELETE CASCADE
);
INSERT INTO "three_party_bookings" VALUES(1,1,'autumn-2026',6,31,0);
CREATE TABLE three_party_slots (
	id INTEGER NOT NULL, 
	cohort_id VARCHAR(32) NOT NULL, 
	starts_at DATETIME NOT NULL, 
	minutes INTEGER NOT NULL, 
	place VARCHAR(300) NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO "three_party_slots" VALUES(1,'autumn-2026','2026-12-08 09:00:00.000000',45,'Samtalsrummet, Storgatan 12');
INSERT INTO "three_party_slots" VALUES(2,'autumn-2026','2026-12-08 10:00:00.000000',45,'Teams: https://teams.example/mentorskap');
CREATE INDEX ix_match_runs_cohort_id ON match_runs (cohort_id);
CREATE INDEX ix_login_failures_at ON login_failures (at);
CREATE INDEX ix_three_party_slots_cohort_id ON three_party_slots (cohort_id);
CREATE INDEX ix_match_constraints_cohort_id ON match_constraints (cohort_id);
CREATE INDEX ix_match_pairs_run_id ON match_pairs (run_id);
CREATE INDEX ix_match_unmatched_run_id ON match_unmatched (run_id);
CREATE INDEX ix_message_log_cohort_id ON message_log (cohort_id);
CREATE INDEX ix_message_log_person_id ON message_log (person_id);
CREATE INDEX ix_pair_meetings_cohort_id ON pair_meetings (cohort_id);
CREATE INDEX ix_three_party_bookings_cohort_id ON three_party_bookings (cohort_id);
COMMIT;
